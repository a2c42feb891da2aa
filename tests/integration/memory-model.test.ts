import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { applyGrade, defaultWeights, newMemory, recallAfter, type SchedulerSettings } from "@/app/_lib/scheduling";
import { getDb } from "@/app/_server/db";
import { fitRules, replayLog } from "@/app/_server/memory-fit";
import { loadOptimizer } from "@/app/_server/memory-fit-worker";
import {
  automaticFitEvery,
  type FitRunner,
  fitMemoryModel,
  fitWhenDue,
  getMemoryModel,
  restoreParameters,
} from "@/app/_server/memory-model";
import { recordAnswer, toMemory } from "@/app/_server/reviews";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { dayMs, ownWeights, reviewsCsv, type SimulatedReviews, simulateReviews } from "../support/simulated-learner";
import { createUser } from "../support/users";

// A learner whose memory follows FSRS with parameters of their own (not FSRS's defaults:
// first memories several times stronger, a steeper forgetting curve) answers 5,000 reviews.
// Fitted from the log, the app's parameters must predict that learner's true recall better
// than the defaults, on the log's later reviews and on every card afterwards.

const truth: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  fuzz: false,
  weights: ownWeights,
};
const defaults: SchedulerSettings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
// A new account's study day (UTC, starting at 4:00): the app counts days between answers in it.
const day = { timeZone: "UTC", dayStartHour: 4 };
const minute = 60_000;
let slug = "";

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `memory-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

/** The learner's log in the database, as answers would have written it, and each card's state. */
async function store(userId: string, { rows }: SimulatedReviews) {
  const memories = new Map<string, ReturnType<typeof toMemory>>();
  const data = rows.map((row) => {
    const before = memories.get(row.cardId) ?? null;
    const after = applyGrade(before ?? newMemory(new Date(row.at)), row.grade, new Date(row.at), defaults);
    memories.set(row.cardId, after);
    return {
      userId,
      cardId: row.cardId,
      answerId: crypto.randomUUID(),
      grade: row.grade,
      stateBefore: row.stateBefore,
      stateAfter: after.state,
      stability: after.stability,
      difficulty: after.difficulty,
      dueAt: after.dueAt,
      scheduledDays: after.scheduledDays,
      durationMs: 5000,
      reviewedAt: new Date(row.at),
      previous: {},
    };
  });
  await getDb().reviewLog.createMany({ data });
  await getDb().cardState.createMany({
    data: [...memories].map(([cardId, memory]) => ({ userId, cardId, ...memory, version: 1 })),
  });
}

async function cardIdsOf(count: number) {
  const cards = await getDb().card.findMany({
    where: { deck: { slug }, retiredAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return cards.slice(0, count).map((card) => card.id);
}

describe("a memory model fitted to a person", () => {
  it("recovers parameters that predict a simulated learner's true recall better than FSRS's defaults, and schedules with them", async () => {
    const user = await createUser("fitted");
    const learned = simulateReviews(truth, await cardIdsOf(100), 5000, 16);
    await store(user.id, learned);

    const result = await fitMemoryModel(user, "settings");
    expect(result).toMatchObject({ status: "done", outcome: "adopted" });
    const model = await getMemoryModel(user);
    expect(model.reviews).toBe(5000);
    expect(model.latest).toMatchObject({ outcome: "adopted", reviews: 5000, trigger: "settings" });
    // On the later reviews each fit did not see, the fitted parameters beat the defaults.
    const latest = model.latest as NonNullable<typeof model.latest>;
    expect(latest.logLoss as number).toBeLessThan(latest.currentLogLoss as number);
    expect(latest.rmse as number).toBeLessThan(latest.currentRmse as number);
    const fitted = model.inUse.weights;
    expect(fitted).toHaveLength(21);
    expect(model.versions).toMatchObject([{ source: "fitted", isInUse: true }]);

    // Against the learner's true memory: each card's recall two weeks after the last
    // review, as the fitted parameters and as the defaults predict it from the same log.
    const csv = reviewsCsv(learned.rows);
    const error = (weights: readonly number[]) => {
      const settings = { ...defaults, ...(weights.length ? { weights } : {}) };
      const cards = replayLog(csv, weights.length ? weights : defaultWeights, day);
      return (
        cards.reduce((sum, card) => {
          const known = learned.strengths.get(card.cardId);
          if (!known) return sum;
          const days = Math.floor((learned.end - known.lastAt) / dayMs) + 14;
          return (
            sum +
            Math.abs(recallAfter(days, card.stability, settings) - recallAfter(days, known.strength.stability, truth))
          );
        }, 0) / cards.length
      );
    };
    expect(error(fitted)).toBeLessThan(error([]) * 0.6);

    // The card states were rebuilt with the fitted parameters (due dates kept).
    const replayed = new Map(replayLog(csv, fitted, day).map((card) => [card.cardId, card]));
    const states = await getDb().cardState.findMany({ where: { userId: user.id } });
    for (const state of states) expect(state.stability).toBeCloseTo(replayed.get(state.cardId)?.stability ?? -1, 6);

    // The answer path schedules with them.
    const state = states[0] as (typeof states)[number];
    const at = new Date(learned.end + 3 * dayMs);
    const answer = {
      cardId: state.cardId,
      grade: 3 as const,
      version: state.version,
      answerId: crypto.randomUUID(),
      durationMs: 4000,
    };
    expect(await recordAnswer(user, answer, at)).toMatchObject({ status: "applied" });
    const after = await getDb().cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: state.cardId } },
    });
    const withFitted = applyGrade(toMemory(state), 3, at, { ...defaults, weights: fitted, day });
    const withDefaults = applyGrade(toMemory(state), 3, at, { ...defaults, day });
    expect(after.stability).toBeCloseTo(withFitted.stability, 6);
    expect(Math.abs(withFitted.stability - withDefaults.stability)).toBeGreaterThan(0.01);

    // One step back to the defaults, and forward again to the fitted set; another person's
    // set is not found.
    expect(await restoreParameters(user, { defaults: true })).toEqual({ status: "done" });
    expect((await getMemoryModel(user)).inUse.weights).toEqual([]);
    const other = await createUser("other");
    const fittedVersion = (await getMemoryModel(user)).versions.find((version) => version.source === "fitted");
    expect(await restoreParameters(other, { versionId: fittedVersion?.id as string })).toEqual({ error: "not-found" });
    expect(await restoreParameters(user, { versionId: fittedVersion?.id as string })).toEqual({ status: "done" });
    const back = await getMemoryModel(user);
    expect(back.inUse.weights).toEqual(fitted);
    expect(back.versions.map((version) => version.source)).toEqual(["restored", "defaults", "fitted"]);
    expect((await getMemoryModel(other)).versions).toEqual([]);
  });

  it("declines with 20 reviews, saying about how many more it needs", async () => {
    const user = await createUser("few");
    await store(user.id, simulateReviews(truth, await cardIdsOf(10), 20, 3));
    expect(await fitMemoryModel(user, "settings")).toMatchObject({ status: "done", outcome: "too-few" });
    const { latest, inUse, versions } = await getMemoryModel(user);
    expect(latest).toMatchObject({ outcome: "too-few", reviews: 20 });
    expect(latest?.items).toBeLessThan(fitRules.minimumItems);
    expect(latest?.needed).toBeGreaterThanOrEqual(fitRules.minimumItems - (latest?.items ?? 0));
    expect(inUse.weights).toEqual([]);
    expect(versions).toEqual([]);
  });

  it("keeps the parameters in use when the optimizer cannot load", async () => {
    expect(await loadOptimizer(() => Promise.reject(new Error("no native module")))).toBeNull();
    const user = await createUser("no-optimizer");
    await store(user.id, simulateReviews(truth, await cardIdsOf(50), 1000, 5));
    const unavailable: FitRunner = {
      fit: async () => ({ outcome: "unavailable" }),
      replay: async () => [],
    };
    expect(await fitMemoryModel(user, "settings", unavailable)).toMatchObject({ outcome: "unavailable" });
    expect((await getMemoryModel(user)).inUse.weights).toEqual([]);
  });

  it("records a fit as failed, and changes nothing, when its parameters cannot be put in use", async () => {
    const user = await createUser("switch-fails");
    await store(user.id, simulateReviews(truth, await cardIdsOf(20), 600, 12));
    const breaking: FitRunner = {
      fit: async () => ({
        outcome: "fitted",
        reviews: 600,
        items: 500,
        weights: [...ownWeights],
        fitted: { logLoss: 0.2, rmse: 0.02 },
        current: { logLoss: 0.3, rmse: 0.05 },
        heldOut: 200,
      }),
      replay: async () => {
        throw new Error("the worker stopped");
      },
    };
    expect(await fitMemoryModel(user, "settings", breaking)).toEqual({ status: "done", outcome: "failed" });
    const model = await getMemoryModel(user);
    expect(model.latest).toMatchObject({ outcome: "failed", logLoss: 0.2 });
    expect(model.inUse.weights).toEqual([]);
    expect(model.versions).toEqual([]);
  });

  it("fits by itself once enough new reviews have come in, at most one look per ten minutes", async () => {
    const user = await createUser("automatic");
    const fits: string[] = [];
    const counting: FitRunner = {
      fit: async () => {
        fits.push(user.id);
        return { outcome: "too-few", reviews: 0, items: 0, needed: 1 };
      },
      replay: async () => [],
    };
    const now = new Date();
    await store(user.id, simulateReviews(truth, await cardIdsOf(50), automaticFitEvery - 1, 8));
    expect(await fitWhenDue(user, now, counting)).toBe(false);
    await store(user.id, { ...simulateReviews(truth, await cardIdsOf(1), 1, 9), rows: [] });
    const [card] = await cardIdsOf(1);
    await getDb().reviewLog.create({
      data: {
        userId: user.id,
        cardId: card as string,
        answerId: crypto.randomUUID(),
        grade: 3,
        stateBefore: 2,
        stateAfter: 2,
        stability: 10,
        difficulty: 5,
        dueAt: now,
        scheduledDays: 10,
        durationMs: 3000,
        reviewedAt: new Date(now.getTime() - minute),
        previous: {},
      },
    });
    // Looked a moment ago: not again yet.
    expect(await fitWhenDue(user, new Date(now.getTime() + minute), counting)).toBe(false);
    expect(await fitWhenDue(user, new Date(now.getTime() + 11 * minute), counting)).toBe(true);
    await expect.poll(() => fits.length).toBe(1);
  });
});
