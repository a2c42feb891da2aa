import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type GradeValue, newMemory, replayAnswers } from "@/app/_lib/scheduling";
import { endAllSessions, revokeSession } from "@/app/_server/accounts";
import { changeCard } from "@/app/_server/card-actions";
import { getDb } from "@/app/_server/db";
import { recordAnswer, type StateRow, toMemory, undoLastAnswer } from "@/app/_server/reviews";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { createUser } from "../support/users";

// As a new account's settings give them: UTC, the study day starting at 4:00.
const settings = {
  desiredRetention: 0.85,
  maximumIntervalDays: 36500,
  fuzz: false,
  day: { timeZone: "UTC", dayStartHour: 4 },
};
const now = new Date("2026-11-29T09:00:00Z");
let cardIds: string[] = [];

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  const slug = `reviews-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
  cardIds = (
    await getDb().card.findMany({ where: { deck: { slug } }, orderBy: { position: "asc" }, select: { id: true } })
  ).map((c) => c.id);
});

const answer = (cardId: string, grade: GradeValue, version: number, answerId = crypto.randomUUID()) => ({
  cardId,
  grade,
  version,
  answerId,
  durationMs: 4000,
});
const card = (index: number) => cardIds[index] as string;

describe("answering a card", () => {
  it("applies the same answer sent 20 times at once exactly once", async () => {
    const user = await createUser("replay");
    const same = answer(card(0), 3, 0);
    const results = await Promise.all(Array.from({ length: 20 }, () => recordAnswer(user, same, now)));
    expect(results.filter((r) => "status" in r && r.status === "applied")).toHaveLength(1);
    expect(results.filter((r) => "status" in r && r.status === "replayed")).toHaveLength(19);
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect(
      await getDb().cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card(0) } } }),
    ).toMatchObject({
      reps: 1,
      version: 1,
    });
  });

  it("of two tabs answering the same card differently, applies one and tells the other the card moved on", async () => {
    const user = await createUser("tabs");
    const [a, b] = await Promise.all([
      recordAnswer(user, answer(card(1), 1, 0), now),
      recordAnswer(user, answer(card(1), 4, 0), now),
    ]);
    const outcomes = [a, b].map((r) => ("status" in r ? r.status : r.error)).sort();
    expect(outcomes).toEqual(["applied", "card-moved-on"]);
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("writes nothing for an answerId already used for another card, and returns that earlier answer", async () => {
    const user = await createUser("reused");
    const first = await recordAnswer(user, answer(card(6), 3, 0, "reused-answer-id"), now);
    const reused = await recordAnswer(user, answer(card(7), 1, 0, "reused-answer-id"), now);
    expect(reused).toMatchObject({ status: "replayed", cardId: card(6) });
    expect(first).toMatchObject({ status: "applied", cardId: card(6) });
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect(await getDb().cardState.count({ where: { userId: user.id, cardId: card(7) } })).toBe(0);
  });

  it("keeps a log from which the state can be rebuilt with the user's retention and fuzz", async () => {
    const user = await createUser("log");
    await getDb().userSettings.update({ where: { userId: user.id }, data: { desiredRetention: 0.85, fuzz: false } });
    const grades: GradeValue[] = [3, 1, 3, 3, 2, 4];
    let version = 0;
    let at = now;
    for (const grade of grades) {
      const result = await recordAnswer(user, answer(card(2), grade, version), at);
      if (!("status" in result)) throw new Error(result.error);
      version = result.version;
      at = new Date(result.dueAt.getTime() + 60_000);
    }
    const log = await getDb().reviewLog.findMany({
      where: { userId: user.id, cardId: card(2) },
      orderBy: { reviewedAt: "asc" },
    });
    // The progress page's columns repeat what the row keeps for undo.
    for (const row of log) {
      const previous = row.previous as { scheduledDays: number; dueAt: string; state: number };
      expect(row.previousIntervalDays).toBe(previous.scheduledDays);
      expect(row.previousDueAt).toEqual(previous.state === 0 ? null : new Date(previous.dueAt));
    }
    const rebuilt = replayAnswers(
      log.map((row) => ({ grade: row.grade as GradeValue, at: row.reviewedAt })),
      settings,
      now,
    );
    const stored = await getDb().cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: card(2) } },
    });
    expect({ ...rebuilt }).toEqual({
      state: stored.state,
      dueAt: stored.dueAt,
      stability: stored.stability,
      difficulty: stored.difficulty,
      reps: stored.reps,
      lapses: stored.lapses,
      learningStep: stored.learningStep,
      scheduledDays: stored.scheduledDays,
      lastReviewAt: stored.lastReviewAt,
    });
  });

  it("schedules with the user's desired retention: a higher target brings a card back sooner", async () => {
    const dueAfterTwoGoods = async (desiredRetention: number) => {
      const user = await createUser(`retention-${desiredRetention}`);
      await getDb().userSettings.update({ where: { userId: user.id }, data: { desiredRetention, fuzz: false } });
      const first = await recordAnswer(user, answer(card(5), 3, 0), now);
      if (!("status" in first)) throw new Error(first.error);
      const second = await recordAnswer(user, answer(card(5), 3, 1), first.dueAt);
      if (!("status" in second)) throw new Error(second.error);
      return second.dueAt.getTime() - first.dueAt.getTime();
    };
    const [relaxed, strict] = [await dueAfterTwoGoods(0.8), await dueAfterTwoGoods(0.95)];
    expect(strict).toBeLessThan(relaxed);
  });

  it("undo restores the previous state exactly and removes the log row", async () => {
    const user = await createUser("undo");
    await recordAnswer(user, answer(card(3), 3, 0), now);
    const key = { userId_cardId: { userId: user.id, cardId: card(3) } };
    const before = await getDb().cardState.findUniqueOrThrow({ where: key });
    await recordAnswer(user, answer(card(3), 1, 1), new Date(now.getTime() + 86_400_000));
    expect(await undoLastAnswer(user)).toMatchObject({ status: "undone", cardId: card(3) });
    const after = await getDb().cardState.findUniqueOrThrow({ where: key });
    const fields = [
      "state",
      "dueAt",
      "stability",
      "difficulty",
      "reps",
      "lapses",
      "learningStep",
      "scheduledDays",
      "lastReviewAt",
    ] as const;
    for (const field of fields) expect(after[field], field).toEqual(before[field]);
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers a card that does not exist, or is retired, with not-found, writing nothing", async () => {
    const user = await createUser("missing");
    expect(await recordAnswer(user, answer(crypto.randomUUID(), 3, 0), now)).toEqual({ error: "not-found" });
    await getDb().card.update({ where: { id: card(9) }, data: { retiredAt: now } });
    expect(await recordAnswer(user, answer(card(9), 3, 0), now)).toEqual({ error: "not-found" });
    await getDb().card.update({ where: { id: card(9) }, data: { retiredAt: null } });
    expect(await getDb().cardState.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an answer from a session that was ended, writing nothing", async () => {
    const user = await createUser("ended");
    const claims = { userId: user.id, sessionVersion: 0, sessionId: user.sessionId };
    expect(await recordAnswer(user, answer(card(8), 3, 0), now, claims)).toMatchObject({ status: "applied" });
    await revokeSession(user.id, user.sessionId, now);
    expect(await recordAnswer(user, answer(card(8), 3, 1), now, claims)).toEqual({ error: "unauthenticated" });
    await endAllSessions(user.id);
    const fresh = { ...claims, sessionId: crypto.randomUUID() };
    expect(await recordAnswer(user, answer(card(8), 3, 1), now, fresh)).toEqual({ error: "unauthenticated" });
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps users apart: B's answers and undo never touch A's state or log", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    await recordAnswer(a, answer(card(4), 3, 0), now);
    expect(await undoLastAnswer(b)).toEqual({ error: "nothing-to-undo" });
    // B answering the same card starts B's own state at version 0, whatever A did.
    expect(await recordAnswer(b, answer(card(4), 1, 0), now)).toMatchObject({
      status: "applied",
      version: 1,
    });
    expect(await getDb().reviewLog.count({ where: { userId: a.id } })).toBe(1);
    expect(
      await getDb().cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: a.id, cardId: card(4) } } }),
    ).toMatchObject({
      reps: 1,
      state: expect.any(Number),
    });
  });
});

describe("undo racing answers and forgetting", () => {
  // The memory fields of a state row (or of a memory), as replaying its log must give them.
  const memoryOf = (row: Omit<StateRow, "version">) => toMemory({ ...row, version: 0 });

  it("leaves log and state in agreement, however answers, forgets and undos interleave", async () => {
    const user = await createUser("race");
    await getDb().userSettings.update({ where: { userId: user.id }, data: { desiredRetention: 0.85, fuzz: false } });
    const cards = [card(20), card(21)];
    let clock = now.getTime();
    const tick = () => {
      clock += 60_000;
      return new Date(clock);
    };
    const versionOf = async (cardId: string) =>
      (await getDb().cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId } } }))?.version ?? 0;
    const operation = fc.oneof(
      fc.record({ kind: fc.constant("answer" as const), card: fc.nat(1), grade: fc.constantFrom(1, 2, 3, 4) }),
      fc.record({ kind: fc.constant("undo" as const) }),
      fc.record({ kind: fc.constant("forget" as const), card: fc.nat(1) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 2, maxLength: 4 }), async (round) => {
        // Versions are read first, so the operations of a round really race.
        const versions = await Promise.all(cards.map(versionOf));
        await Promise.all(
          round.map((op) => {
            const at = tick();
            if (op.kind === "undo") return undoLastAnswer(user);
            const cardId = cards[op.card] as string;
            if (op.kind === "forget") return changeCard(user, cardId, "forget", at, at);
            return recordAnswer(user, answer(cardId, op.grade as GradeValue, versions[op.card] ?? 0), at);
          }),
        );
        for (const cardId of cards) {
          const state = await getDb().cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId } } });
          const log = await getDb().reviewLog.findMany({
            where: { userId: user.id, cardId },
            orderBy: { seq: "asc" },
            select: { grade: true, reviewedAt: true },
          });
          const rebuilt = replayAnswers(
            log.map((row) => ({ grade: row.grade as GradeValue | 0, at: row.reviewedAt })),
            settings,
            now,
          );
          // A new card's due date is only when it became new: not part of what it remembers.
          const comparable = (memory: ReturnType<typeof memoryOf>) =>
            memory.state === 0 ? { ...memory, dueAt: null } : memory;
          expect(comparable(memoryOf(state ?? newMemory(now)))).toEqual(comparable(memoryOf(rebuilt)));
        }
      }),
      { numRuns: 40 },
    );
  });
});
