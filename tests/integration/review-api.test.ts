import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/app/_server/db";
import { POST as answer } from "@/app/api/review/answers/route";
import { POST as cardAction } from "@/app/api/review/cards/[id]/route";
import { GET as queue } from "@/app/api/review/queue/route";
import { POST as undo } from "@/app/api/review/undo/route";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { actAs } from "../support/session-mock";
import { createUser } from "../support/users";

vi.mock("@/app/_server/session", () => import("../support/session-mock"));

let slug = "";
beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `api-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

const post = (body: unknown) =>
  answer(
    new Request("http://app/api/review/answers", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const getQueue = (deck = slug) => queue(new Request(`http://app/api/review/queue?deck=${deck}`));

describe("the review API", () => {
  it("refuses anyone not signed in, before reading anything", async () => {
    actAs(null);
    expect((await getQueue()).status).toBe(401);
    expect((await post({})).status).toBe(401);
    expect((await undo(new Request("http://app/api/review/undo", { method: "POST" }))).status).toBe(401);
  });

  it("refuses a state-changing request from another site, writing nothing", async () => {
    const user = await createUser("cross-site");
    actAs(user);
    const cardId = (await (await getQueue()).json()).cards[0].id;
    const response = await answer(
      new Request("http://app/api/review/answers", {
        method: "POST",
        headers: { origin: "https://evil.example", host: "app" },
        body: JSON.stringify({ cardId, grade: 3, answerId: crypto.randomUUID(), version: 0, durationMs: 1000 }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("serves new cards in the notes' order, each with when each grade would bring it back", async () => {
    actAs(await createUser("queue"));
    const body = await (await getQueue()).json();
    expect(body.left).toMatchObject({ learning: 0, review: 0, new: 20 });
    expect(body.cards[0]).toMatchObject({ prompt: "ホスト型仮想化とは？", version: 0 });
    const intervals = Object.values(body.cards[0].intervals).map((d) => new Date(d as string).getTime());
    expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
  });

  it("answers, replays, refuses a stale answer, and undoes", async () => {
    actAs(await createUser("loop"));
    const [first] = (await (await getQueue()).json()).cards;
    const body = { cardId: first.id, grade: 1, answerId: crypto.randomUUID(), version: 0, durationMs: 3000 };
    const applied = await post(body);
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ status: "applied", version: 1 });
    expect(await (await post(body)).json()).toMatchObject({ status: "replayed" });
    const stale = await post({ ...body, answerId: crypto.randomUUID(), grade: 3 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "card-moved-on", version: 1 });
    expect((await undo(new Request("http://app/api/review/undo", { method: "POST" }))).status).toBe(200);
    expect((await undo(new Request("http://app/api/review/undo", { method: "POST" }))).status).toBe(409);
  });

  it("counts an answer kept in the browser from when it was given: never before the last answer or the study day", async () => {
    const user = await createUser("kept");
    actAs(user);
    // A study day that began about twelve hours ago.
    const dayStartHour = (new Date().getUTCHours() + 12) % 24;
    await getDb().userSettings.upsert({
      where: { userId: user.id },
      create: { userId: user.id, timeZone: "UTC", dayStartHour },
      update: { timeZone: "UTC", dayStartHour },
    });
    const [first, second, third] = (await (await getQueue()).json()).cards;
    const answerOf = (card: { id: string }, version: number, answeredAgoMs: number) =>
      post({ cardId: card.id, grade: 3, answerId: crypto.randomUUID(), version, durationMs: 4000, answeredAgoMs });
    const before = Date.now();
    expect((await answerOf(first, 0, 3_600_000)).status).toBe(200);
    const after = Date.now();
    // Another card, said to be answered even earlier: not before the person's last answer.
    expect((await answerOf(second, 0, 7_200_000)).status).toBe(200);
    expect((await answerOf(first, 1, 0)).status).toBe(200);
    const logs = await getDb().reviewLog.findMany({ where: { userId: user.id }, orderBy: { seq: "asc" } });
    const [hourAgo, notEarlier, justNow] = logs.map((log) => log.reviewedAt.getTime()) as [number, number, number];
    expect(hourAgo).toBeGreaterThanOrEqual(before - 3_600_000);
    expect(hourAgo).toBeLessThanOrEqual(after - 3_600_000);
    expect(notEarlier).toBe(hourAgo);
    expect(justNow).toBeGreaterThanOrEqual(before);

    // Said to be from an earlier day: counted on the day it arrives (no day filled in afterwards).
    const fresh = await createUser("kept-days");
    actAs(fresh);
    await getDb().userSettings.upsert({
      where: { userId: fresh.id },
      create: { userId: fresh.id, timeZone: "UTC", dayStartHour },
      update: { timeZone: "UTC", dayStartHour },
    });
    expect((await answerOf(third, 0, 3 * 86_400_000)).status).toBe(200);
    const [backdated] = await getDb().reviewLog.findMany({ where: { userId: fresh.id } });
    const dayStart = Date.now() - (((new Date().getUTCHours() - dayStartHour + 24) % 24) * 3_600_000 + 3_600_000);
    expect(backdated?.reviewedAt.getTime()).toBeGreaterThan(dayStart);
    expect(await getDb().userDay.count({ where: { userId: fresh.id } })).toBe(1);
  });

  it("refuses an answer given under another account, writing nothing", async () => {
    const user = await createUser("owner");
    actAs(user);
    const [first] = (await (await getQueue()).json()).cards;
    const response = await post({
      cardId: first.id,
      grade: 3,
      answerId: crypto.randomUUID(),
      version: 0,
      durationMs: 4000,
      owner: crypto.randomUUID(),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe("other-account");
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);
    const own = { cardId: first.id, grade: 3, answerId: crypto.randomUUID(), version: 0, durationMs: 4000 };
    expect((await post({ ...own, owner: user.id })).status).toBe(200);
  });

  it.each([
    ["not JSON", "{", 400],
    ["a grade outside 1–4", { grade: 5 }, 400],
    ["a card id that is not a UUID", { cardId: "x" }, 400],
    ["an unknown card", { cardId: crypto.randomUUID() }, 404],
    ["a NUL in the answer id", { answerId: "abc\u0000defgh" }, 400],
    ["a control character in the answer id", { answerId: "abc\u0007defgh" }, 400],
    ["a lone surrogate in the answer id", { answerId: "abc\ud800defgh" }, 400],
  ])("answers %s with a clear 4xx and writes nothing", async (_label, change, status) => {
    const user = await createUser("bad");
    actAs(user);
    const [first] = (await (await getQueue()).json()).cards;
    const valid = { cardId: first.id, grade: 3, answerId: crypto.randomUUID(), version: 0, durationMs: 1000 };
    const response = await post(typeof change === "string" ? change : { ...valid, ...change });
    expect(response.status).toBe(status);
    expect((await response.json()).message).toEqual(expect.any(String));
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers an unknown or malformed deck with 404 and 400", async () => {
    actAs(await createUser("decks"));
    expect((await getQueue("no-such-deck")).status).toBe(404);
    expect((await getQueue("Bad Slug!")).status).toBe(400);
  });

  it("narrows the queue to one section of the notes, and refuses a malformed one", async () => {
    actAs(await createUser("section"));
    const all = await (await getQueue()).json();
    const section = all.cards[0].section.slice(0, 1) as string[];
    const params = section.map((part) => `section=${encodeURIComponent(part)}`).join("&");
    const narrowed = await (await queue(new Request(`http://app/api/review/queue?deck=${slug}&${params}`))).json();
    expect(narrowed.cards.length).toBeGreaterThan(0);
    expect(narrowed.cards.every((card: { section: string[] }) => card.section[0] === section[0])).toBe(true);
    expect(all.cards.some((card: { section: string[] }) => card.section[0] !== section[0])).toBe(true);
    const tooDeep = Array.from({ length: 7 }, () => "section=x").join("&");
    expect((await queue(new Request(`http://app/api/review/queue?deck=${slug}&${tooDeep}`))).status).toBe(400);
  });

  it("shows B none of A's progress", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    actAs(a);
    const [first] = (await (await getQueue()).json()).cards;
    await post({ cardId: first.id, grade: 4, answerId: crypto.randomUUID(), version: 0, durationMs: 1000 });
    actAs(b);
    const seenByB = await (await getQueue()).json();
    expect(seenByB.cards[0]).toMatchObject({ id: first.id, version: 0 });
    expect((await undo(new Request("http://app/api/review/undo", { method: "POST" }))).status).toBe(409);
  });
});

describe("what the API reads", () => {
  it("refuses a body over 16 KB after reading no more than that", async () => {
    const user = await createUser("big");
    actAs(user);
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled += chunk.byteLength;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await answer(
      new Request("http://app/api/review/answers", { method: "POST", body: endless, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/16384 bytes/);
    expect(pulled).toBeLessThanOrEqual(2 * chunk.byteLength);
    const declared = await post({ padding: "x" });
    expect(declared.status).toBe(400);
    const tooLong = await answer(
      new Request("http://app/api/review/answers", {
        method: "POST",
        headers: { "content-length": String(50 * 1024 * 1024) },
        body: "{}",
      }),
    );
    expect(tooLong.status).toBe(413);
  });

  it("answers with a policy that lets nothing in a JSON answer run", async () => {
    actAs(await createUser("csp"));
    const response = await getQueue();
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a section with a control character", async () => {
    actAs(await createUser("nul-section"));
    expect((await queue(new Request(`http://app/api/review/queue?deck=${slug}&section=a%00b`))).status).toBe(400);
  });
});

describe("suspend, bury and forget", () => {
  const act = (id: string, body: unknown) =>
    cardAction(new Request(`http://app/api/review/cards/${id}`, { method: "POST", body: JSON.stringify(body) }), {
      params: Promise.resolve({ id }),
    });

  it("take a card out of the queue (suspend, bury) or make it new again (forget), for this user only", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    actAs(a);
    const [first, second] = (await (await getQueue()).json()).cards;
    expect((await act(first.id, { action: "suspend" })).status).toBe(200);
    expect((await act(second.id, { action: "bury" })).status).toBe(200);
    const ids = (await (await getQueue()).json()).cards.map((c: { id: string }) => c.id);
    expect(ids).not.toContain(first.id);
    expect(ids).not.toContain(second.id);

    actAs(b);
    expect((await (await getQueue()).json()).cards[0].id).toBe(first.id);

    actAs(a);
    await act(first.id, { action: "unsuspend" });
    await post({ cardId: first.id, grade: 4, answerId: crypto.randomUUID(), version: 1, durationMs: 1000 });
    expect(await act(first.id, { action: "forget" })).toHaveProperty("status", 200);
    const state = await getDb().cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: a.id, cardId: first.id } },
    });
    expect(state).toMatchObject({ state: 0, reps: 0, suspendedAt: null });
    // The answer stays in the log, and the forgetting joins it (grade 0), so undo takes it back.
    const log = await getDb().reviewLog.findMany({
      where: { userId: a.id, cardId: first.id },
      orderBy: { reviewedAt: "asc" },
    });
    expect(log.map((row) => [row.grade, row.stateBefore, row.stateAfter])).toEqual([
      [4, 0, 2],
      [0, 2, 0],
    ]);
    expect((await undo(new Request("http://app/api/review/undo", { method: "POST" }))).status).toBe(200);
    const restored = await getDb().cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: a.id, cardId: first.id } },
    });
    expect(restored).toMatchObject({ state: 2, reps: 1 });
  });

  it("forgetting a card never answered changes nothing in the log", async () => {
    const user = await createUser("fresh");
    actAs(user);
    const [first] = (await (await getQueue()).json()).cards;
    expect((await act(first.id, { action: "forget" })).status).toBe(200);
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answer an unknown card with 404 and an unknown action with 400", async () => {
    actAs(await createUser("c"));
    expect((await act(crypto.randomUUID(), { action: "suspend" })).status).toBe(404);
    expect((await act("not-a-uuid", { action: "suspend" })).status).toBe(404);
    const [first] = (await (await getQueue()).json()).cards;
    expect((await act(first.id, { action: "delete" })).status).toBe(400);
  });
});
