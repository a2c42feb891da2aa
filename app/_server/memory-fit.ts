// A person's FSRS parameters fitted from their review log, and judged on the reviews each
// fit did not see. Runs on a worker thread (memory-fit-worker.ts), so no request waits
// for it: no server-only imports here.
import { tzOffset } from "@date-fns/tz";
import type * as Optimizer from "@open-spaced-repetition/binding";
import { applyGrade, defaultWeights, type GradeValue, type Memory, newMemory } from "../_lib/scheduling";

export type OptimizerModule = Pick<
  typeof Optimizer,
  "computeParameters" | "convertCsvToFsrsItems" | "FSRSBinding" | "FSRSBindingItem"
>;

/**
 * Fewer answers the optimizer can learn from than this and no fit is tried (Anki asks for
 * some hundreds of reviews too). Held out: the answers after each of these shares of the
 * log (in time order) up to the next, each part judged by parameters fitted on all before.
 */
export const fitRules = { minimumItems: 400, cuts: [0.6, 0.73, 0.87, 1] };

export type FitInput = {
  /** The review log as `/api/progress/reviews.csv` exports it. */
  csv: string;
  timeZone: string;
  dayStartHour: number;
  /** The parameters in use (empty: FSRS's defaults). */
  current: readonly number[];
};

export type Evaluation = { logLoss: number; rmse: number };

export type FitOutput =
  | { outcome: "unavailable" }
  | { outcome: "too-few"; reviews: number; items: number; needed: number }
  | {
      outcome: "fitted";
      reviews: number;
      items: number;
      weights: number[];
      /** The fitted parameters and those in use, on the same held-out reviews. */
      fitted: Evaluation;
      current: Evaluation;
      heldOut: number;
    };

/** The optimizer, or null where its native code cannot load (the app goes on with the parameters in use). */
export async function loadOptimizer(
  load: () => Promise<OptimizerModule> = () => import("@open-spaced-repetition/binding"),
): Promise<OptimizerModule | null> {
  try {
    const optimizer = await load();
    return typeof optimizer.computeParameters === "function" ? optimizer : null;
  } catch {
    return null;
  }
}

const trainingOptions = { enableShortTerm: true, numRelearningSteps: 1 };

/** Fit parameters to the log, and judge them against the parameters in use on reviews no fit saw. */
export async function fitFromReviews(optimizer: OptimizerModule, input: FitInput): Promise<FitOutput> {
  const reviews = input.csv.split("\n").filter(Boolean).length - 1;
  // FSRS counts days from the person's day start in their time zone, as the scheduler does.
  // The items come in the order of the answers they end with (each with its card's history).
  const all = optimizer.convertCsvToFsrsItems(
    new TextEncoder().encode(input.csv),
    input.dayStartHour,
    input.timeZone,
    (ms, zone) => tzOffset(zone, new Date(ms)),
  );
  if (all.length < fitRules.minimumItems) {
    const perItem = all.length > 0 ? reviews / all.length : 1;
    const needed = Math.ceil((fitRules.minimumItems - all.length) * Math.max(1, perItem));
    return { outcome: "too-few", reviews, items: all.length, needed };
  }
  const current = input.current.length > 0 ? [...input.current] : [...defaultWeights];
  // Time-series splits: each part of the later answers judged by parameters fitted on
  // every answer before it, and by the parameters in use.
  const judged: { size: number; fitted: Evaluation; current: Evaluation }[] = [];
  const at = (share: number) => Math.floor(all.length * share);
  for (const [index, cut] of fitRules.cuts.slice(0, -1).entries()) {
    const train = all.slice(0, at(cut));
    const test = all.slice(at(cut), at(fitRules.cuts[index + 1] as number));
    const weights = await optimizer.computeParameters(train, trainingOptions);
    judged.push({
      size: test.length,
      fitted: evaluate(optimizer, weights, test),
      current: evaluate(optimizer, current, test),
    });
  }
  const weights = await optimizer.computeParameters(all, trainingOptions);
  const heldOut = judged.reduce((sum, part) => sum + part.size, 0);
  const mean = (pick: (part: (typeof judged)[number]) => Evaluation): Evaluation => ({
    logLoss: judged.reduce((sum, part) => sum + part.size * pick(part).logLoss, 0) / heldOut,
    rmse: Math.sqrt(judged.reduce((sum, part) => sum + part.size * pick(part).rmse ** 2, 0) / heldOut),
  });
  return {
    outcome: "fitted",
    reviews,
    items: all.length,
    weights,
    fitted: mean((part) => part.fitted),
    current: mean((part) => part.current),
    heldOut,
  };
}

function evaluate(optimizer: OptimizerModule, weights: number[], items: Optimizer.FSRSBindingItem[]): Evaluation {
  const { logLoss, rmseBins } = new optimizer.FSRSBinding(weights).evaluate(items);
  return { logLoss, rmse: rmseBins };
}

/** A card's memory rebuilt from its log with other parameters: what a change of parameters writes. */
export type ReplayedCard = { cardId: string; stability: number; difficulty: number; lastReviewAt: number };

/**
 * Each card's stability and difficulty from its reviews in the log (rows in time order,
 * after any reset, as the CSV has them) under these parameters; due dates are left as they
 * were, as Anki does when parameters change.
 */
export function replayLog(csv: string, weights: readonly number[]): ReplayedCard[] {
  const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false, weights };
  const memories = new Map<string, Memory>();
  for (const row of csv.split("\n").slice(1)) {
    const [cardId, time, rating] = row.split(",");
    if (!cardId || !time || !rating) continue;
    const at = new Date(Number(time));
    const memory = memories.get(cardId) ?? newMemory(at);
    memories.set(cardId, applyGrade(memory, Number(rating) as GradeValue, at, settings));
  }
  return [...memories].map(([cardId, memory]) => ({
    cardId,
    stability: memory.stability,
    difficulty: memory.difficulty,
    lastReviewAt: memory.lastReviewAt?.getTime() ?? 0,
  }));
}
