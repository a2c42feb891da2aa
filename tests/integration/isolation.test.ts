import { describe, expect, it, vi } from "vitest";
import { getAccountSummary } from "@/app/_server/accounts";
import { getDb } from "@/app/_server/db";
import { fitMemoryModel, getMemoryModel } from "@/app/_server/memory-model";
import { getSettings, saveSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";
import { fitMemoryModelAction, restoreParametersAction } from "@/app/(study)/settings/actions";
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

  it("a memory model fitted or used by A is not B's: B sees none and cannot switch to A's", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    await fitMemoryModel(a, "settings");
    const aSet = await getDb().fsrsParameters.create({
      data: { userId: a.id, weights: Array.from({ length: 21 }, () => 1), source: "fitted" },
    });
    actAs(b);
    expect(await getMemoryModel(await requireUser())).toMatchObject({ latest: null, versions: [], reviews: 0 });
    const form = new FormData();
    form.set("version", aSet.id);
    expect(await restoreParametersAction({}, form)).toEqual({ status: "not-found" });
    expect(await fitMemoryModelAction({})).toEqual({ status: "started" });
    await expect.poll(async () => (await getMemoryModel(b)).latest?.outcome).toBe("too-few");
    expect((await getSettings(a)).fsrsWeights).toEqual([]);
    actAs(a);
    expect((await getMemoryModel(await requireUser())).latest).toMatchObject({ outcome: "too-few", reviews: 0 });
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
