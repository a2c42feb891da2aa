// A person's FSRS parameters fitted from their review log, and judged on the reviews each
// fit did not see. Runs on a worker thread (memory-fit-worker.ts), so no request waits
// for it: no server-only imports here.
import { tzOffset } from "@date-fns/tz";
import { applyGrade, defaultWeights, type GradeValue, type Memory, newMemory } from "../_lib/scheduling";

/** One review in an item: its grade, and the days since the card's previous review. */
export type OptimizerReview = { readonly rating: number; readonly deltaT: number };
/** One answer with its card's history before it, as the optimizer learns from it. */
export type OptimizerItem = { readonly reviews: OptimizerReview[] };

/**
 * What the app uses of the FSRS optimizer (fsrs-rs for Node, `@open-spaced-repetition/binding`:
 * its native module for this platform, loaded by memory-fit-worker.ts).
 */
export type OptimizerModule = {
  convertCsvToFsrsItems(
    data: Uint8Array,
    nextDayStartsAt: number,
    timezone: string,
    offsetProvider: (ms: number, timezone: string) => number,
  ): OptimizerItem[];
  computeParameters(
    items: OptimizerItem[],
    options?: { enableShortTerm: boolean; numRelearningSteps?: number },
  ): Promise<number[]>;
  FSRSBinding: new (
    parameters?: number[],
  ) => { evaluate(items: OptimizerItem[]): { logLoss: number; rmseBins: number } };
};

/**
 * Fewer answers the optimizer can learn from than `minimumItems` and no fit is tried (Anki
 * asks for some hundreds of reviews too). Held out: the answers after each of the `cuts`
 * (shares of the log, in time order) up to the next, each part judged by parameters fitted
 * on all before. A set in use that was itself fitted is judged only on answers it was not
 * fitted on, which must be at least `minimumNewItems`.
 */
export const fitRules = { minimumItems: 400, minimumNewItems: 200, cuts: [0.6, 0.73, 0.87, 1] };

/** The person's study day: days between answers are counted in it, by the optimizer as by the scheduler. */
export type StudyDay = { timeZone: string; dayStartHour: number };

export type FitInput = {
  /** The review log as `/api/progress/reviews.csv` exports it. */
  csv: string;
  day: StudyDay;
  /** The parameters in use (empty: FSRS's defaults). */
  current: readonly number[];
  /** When the parameters in use were fitted (ms; absent for FSRS's defaults): the answers before were theirs to learn from. */
  currentFittedAt?: number;
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

const trainingOptions = { enableShortTerm: true, numRelearningSteps: 1 };

/**
 * The log's answers as the optimizer learns from them, in the order of the answers they end
 * with (each with its card's history). Days are the person's study days (their time zone,
 * the hour their day starts), as the scheduler counts them when a card is answered, so the
 * parameters are fitted to the intervals they are used with.
 */
export const readItems = (optimizer: OptimizerModule, csv: string, day: StudyDay): OptimizerItem[] =>
  optimizer.convertCsvToFsrsItems(
    new TextEncoder().encode(csv),
    day.dayStartHour,
    day.timeZone,
    (ms, zone) => tzOffset(zone, new Date(ms)) || 0,
  );

/** Fit parameters to the log, and judge them against the parameters in use on reviews no fit saw. */
export async function fitFromReviews(optimizer: OptimizerModule, input: FitInput): Promise<FitOutput> {
  const [header = "", ...rows] = input.csv.split("\n").filter(Boolean);
  const reviews = rows.length;
  const itemsOf = (count: number) => readItems(optimizer, [header, ...rows.slice(0, count)].join("\n"), input.day);
  const all = itemsOf(rows.length);
  const tooFew = (have: number, minimum: number, perItem: number) => ({
    outcome: "too-few" as const,
    reviews,
    items: have,
    needed: Math.ceil((minimum - have) * Math.max(1, perItem)),
  });
  if (all.length < fitRules.minimumItems) {
    return tooFew(all.length, fitRules.minimumItems, all.length > 0 ? reviews / all.length : 1);
  }
  const current = input.current.length > 0 ? [...input.current] : [...defaultWeights];
  // The part of the log judged: all of it for FSRS's defaults; for a set fitted earlier,
  // only what came after (the rows are in time order).
  const fittedAt = input.current.length > 0 ? input.currentFittedAt : undefined;
  const firstUnseen = fittedAt === undefined ? 0 : rows.findIndex((row) => Number(row.split(",")[1]) >= fittedAt);
  const seen = fittedAt === undefined ? 0 : itemsOf(firstUnseen === -1 ? rows.length : firstUnseen).length;
  const fresh = all.length - seen;
  if (fittedAt !== undefined && fresh < fitRules.minimumNewItems) {
    return tooFew(fresh, fitRules.minimumNewItems, reviews / all.length);
  }
  // Time-series splits: each part of the later answers judged by parameters fitted on
  // every answer before it, and by the parameters in use.
  const judged: { size: number; fitted: Evaluation; current: Evaluation }[] = [];
  const cuts = fittedAt === undefined ? fitRules.cuts : [0, 1 / 3, 2 / 3, 1];
  const at = (share: number) => seen + Math.floor(fresh * share);
  for (const [index, cut] of cuts.slice(0, -1).entries()) {
    const train = all.slice(0, at(cut));
    const test = all.slice(at(cut), at(cuts[index + 1] as number));
    if (train.length === 0 || test.length === 0) continue;
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

function evaluate(optimizer: OptimizerModule, weights: number[], items: OptimizerItem[]): Evaluation {
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
export function replayLog(csv: string, weights: readonly number[], day: StudyDay): ReplayedCard[] {
  const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false, weights, day };
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
