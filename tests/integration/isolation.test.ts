import { describe, expect, it, vi } from "vitest";
import { getAccountSummary } from "@/app/_server/accounts";
import { getSettings, saveSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";
import { actAs } from "../support/session-mock";
import { createUser } from "../support/users";

vi.mock("@/app/_server/session", () => import("../support/session-mock"));

// The pattern every data-access test follows: act as A, write; act as B, and find
// nothing of A's.
describe("a user's data is theirs alone", () => {
  it("settings written by A are not what B reads", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    actAs(a);
    await saveSettings(await requireUser(), { locale: "ja", timeZone: "Asia/Tokyo" });
    actAs(b);
    const seenByB = await getSettings(await requireUser());
    expect(seenByB).toMatchObject({ locale: null, timeZone: "UTC" });
    actAs(a);
    expect(await getSettings(await requireUser())).toMatchObject({ locale: "ja", timeZone: "Asia/Tokyo" });
  });

  it("requireUser() yields only the signed-in user, and nobody when signed out", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    actAs(b);
    expect((await requireUser()).id).toBe(b.id);
    expect(await getAccountSummary(await requireUser())).not.toBeNull();
    actAs(null);
    await expect(requireUser()).rejects.toThrow();
    expect(a.id).not.toBe(b.id);
  });
});
