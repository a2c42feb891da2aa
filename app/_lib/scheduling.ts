// The only module that imports ts-fsrs: its API (and snake_case) stays here, so its next
// major version changes one file.
import { tzOffset } from "@date-fns/tz";
import {
  clipParameters,
  computeDecayFactor,
  dateDiffInDays,
  default_w,
  type Card as FsrsCard,
  fsrs,
  type Grade,
  generatorParameters,
  Rating,
  type State,
} from "ts-fsrs";

/** What we store of a user's memory of one card. */
export type Memory = {
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  dueAt: Date;
  /** Days until recall probability falls to 90 %. */
  stability: number;
  /** 1 (easy) to 10 (hard); 0 before the first review. */
  difficulty: number;
  reps: number;
  lapses: number;
  /** Index into the (re)learning steps. */
  learningStep: number;
  scheduledDays: number;
  lastReviewAt: Date | null;
};

export type SchedulerSettings = {
  /** Target probability of recall at the due date, 0.70–0.97. */
  desiredRetention: number;
  maximumIntervalDays: number;
  /** Spread due dates a little so cards learned together do not stay together. */
  fuzz: boolean;
  /** The person's own FSRS parameters (21, fitted from their reviews); absent: FSRS's defaults. */
  weights?: readonly number[];
  /**
   * The person's study day (time zone, hour it starts): days between answers are counted
   * in these days, as the optimizer counts them. Absent: calendar days in UTC.
   */
  day?: { timeZone: string; dayStartHour: number };
};

// ts-fsrs counts the days between two answers as UTC calendar days. On a clock moved by the
// person's offset from UTC less the hour their day starts, a UTC calendar day is one of
// their study days; dates go to ts-fsrs on that clock and come back from it.
type StudyClock = { to: (at: Date) => Date; from: (at: Date) => Date };
const hourMs = 3_600_000;
const utcClock: StudyClock = { to: (at) => at, from: (at) => at };

// A zone's offset from UTC by quarter hour (offsets change only on quarter hours): each
// answer reads it some eight times around the same moments.
const offsets = new Map<string, number>();

function offsetMs(timeZone: string, at: number): number {
  if (timeZone === "UTC") return 0;
  const key = `${timeZone}|${Math.floor(at / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    // A zone the runtime does not know counts as UTC.
    offset = (tzOffset(timeZone, new Date(at)) || 0) * 60_000;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function studyClock(settings: SchedulerSettings): StudyClock {
  if (!settings.day) return utcClock;
  const { timeZone, dayStartHour } = settings.day;
  const shift = (at: number) => offsetMs(timeZone, at) - dayStartHour * hourMs;
  return {
    to: (at) => new Date(at.getTime() + shift(at.getTime())),
    // The moment x with x + shift(x) = the time given. shift(x) is the offset either side of
    // a daylight-saving change near the first guess; in the hour a change skips, the moment
    // after it; in the hour it repeats, the first.
    from: (at) => {
      const value = at.getTime();
      const guess = value - shift(value);
      const candidates = [value - shift(guess - 3 * hourMs), value - shift(guess + 3 * hourMs)];
      const exact = candidates.filter((moment) => moment + shift(moment) === value);
      return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
    },
  };
}

/**
 * When a card answered at `now` is due, from ts-fsrs's card on the study clock: a step of
 * minutes or hours comes that long after the answer; days come back at the same local time.
 */
function dueAfter(card: FsrsCard, now: Date, clock: StudyClock): Date {
  if (card.scheduled_days === 0) return new Date(now.getTime() + (card.due.getTime() - clock.to(now).getTime()));
  return new Date(Math.max(now.getTime(), clock.from(card.due).getTime()));
}

/** FSRS's default parameters: what a person without a fitted model is scheduled with. */
export const defaultWeights: readonly number[] = default_w;

/**
 * A person's stored parameters as the scheduler takes them: 21 finite numbers, each clipped
 * to the range ts-fsrs allows; null for anything else (FSRS's defaults are used instead).
 */
export function usableWeights(weights: readonly number[] | null | undefined): readonly number[] | null {
  if (!weights || weights.length !== default_w.length || !weights.every(Number.isFinite)) return null;
  return clipParameters([...weights], 1, true);
}

export const grades = [1, 2, 3, 4] as const;
export type GradeValue = (typeof grades)[number];

const gradeToRating: Record<GradeValue, Grade> = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy };

const schedulers = new Map<string, ReturnType<typeof fsrs>>();

// One scheduler per settings: building one derives its parameters each time.
function scheduler(settings: SchedulerSettings) {
  const key = `${settings.desiredRetention}/${settings.maximumIntervalDays}/${settings.fuzz}/${settings.weights?.join(",") ?? ""}`;
  const known = schedulers.get(key);
  if (known) return known;
  const made = createScheduler(settings);
  // Each person's parameters make their own: kept for the people answering lately.
  if (schedulers.size >= 1000) schedulers.delete(schedulers.keys().next().value as string);
  schedulers.set(key, made);
  return made;
}

function createScheduler(settings: SchedulerSettings) {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: settings.fuzz,
      ...(settings.weights?.length ? { w: [...settings.weights] } : {}),
    }),
  );
}

function toFsrs(memory: Memory, clock = utcClock): FsrsCard {
  return {
    due: clock.to(memory.dueAt),
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: 0,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningStep,
    reps: memory.reps,
    lapses: memory.lapses,
    state: memory.state as State,
    last_review: memory.lastReviewAt ? clock.to(memory.lastReviewAt) : undefined,
  };
}

function fromFsrs(card: FsrsCard, clock = utcClock): Memory {
  return {
    state: card.state as Memory["state"],
    dueAt: clock.from(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    learningStep: card.learning_steps,
    scheduledDays: card.scheduled_days,
    lastReviewAt: card.last_review ? clock.from(card.last_review) : null,
  };
}

/** The days between two answers as the scheduler counts them: the person's study days (calendar days in UTC without). */
export function studyDaysBetween(from: Date, to: Date, settings: SchedulerSettings): number {
  const clock = studyClock(settings);
  return dateDiffInDays(clock.to(from), clock.to(to));
}

/** A card never reviewed, due now. */
export function newMemory(now: Date): Memory {
  return {
    state: 0,
    dueAt: now,
    stability: 0,
    difficulty: 0,
    reps: 0,
    lapses: 0,
    learningStep: 0,
    scheduledDays: 0,
    lastReviewAt: null,
  };
}

/** The memory after answering with `grade` at `now`. */
export function applyGrade(memory: Memory, grade: GradeValue, now: Date, settings: SchedulerSettings): Memory {
  const clock = studyClock(settings);
  const after = scheduler(settings).next(toFsrs(memory, clock), clock.to(now), gradeToRating[grade]).card;
  return { ...fromFsrs(after, clock), dueAt: dueAfter(after, now, clock), lastReviewAt: now };
}

/** When each grade would bring the card back: what the grade buttons show. */
export function previewGrades(memory: Memory, now: Date, settings: SchedulerSettings): Record<GradeValue, Date> {
  const clock = studyClock(settings);
  const preview = scheduler(settings).repeat(toFsrs(memory, clock), clock.to(now));
  return {
    1: dueAfter(preview[Rating.Again].card, now, clock),
    2: dueAfter(preview[Rating.Hard].card, now, clock),
    3: dueAfter(preview[Rating.Good].card, now, clock),
    4: dueAfter(preview[Rating.Easy].card, now, clock),
  };
}

/** Probability of recalling the card at `at` (0 for a card never reviewed). */
export function recallProbability(memory: Memory, at: Date, settings: SchedulerSettings): number {
  if (memory.state === 0) return 0;
  return scheduler(settings).get_retrievability(toFsrs(memory), at, false);
}

/** Grade 0 in the review log: the card was forgotten (reset to new) by hand. */
export const forgetGrade = 0;

/** The memory a sequence of log rows leads to, from a new card: the review log is the truth. */
export function replayAnswers(
  answers: { grade: GradeValue | typeof forgetGrade; at: Date }[],
  settings: SchedulerSettings,
  createdAt: Date,
): Memory {
  return answers.reduce(
    (memory, answer) =>
      answer.grade === forgetGrade ? newMemory(answer.at) : applyGrade(memory, answer.grade, answer.at, settings),
    newMemory(createdAt),
  );
}

/**
 * The forgetting curve's constants for a person's parameters (FSRS's defaults without):
 * R(t, S) = (1 + factor · t / S) ^ decay, t and S in days. The progress page computes
 * recall probabilities with them in SQL.
 */
export function forgettingCurve(weights?: readonly number[]): { decay: number; factor: number } {
  return computeDecayFactor(weights?.length ? weights : default_w);
}

/** A memory's strength alone: what the forgetting curve and the next answer depend on. */
export type Strength = { stability: number; difficulty: number };

/** The strength after answering with `grade` `elapsedDays` after the last answer (null: the first answer). */
export function nextStrength(
  strength: Strength | null,
  elapsedDays: number,
  grade: GradeValue,
  settings: SchedulerSettings,
): Strength {
  return scheduler(settings).next_state(strength && { ...strength }, elapsedDays, gradeToRating[grade]);
}

/** Probability of recall `elapsedDays` after the last answer (the curve itself: a fraction of a day counts). */
export function recallAfter(elapsedDays: number, stability: number, settings: SchedulerSettings): number {
  return scheduler(settings).forgetting_curve(Math.max(0, elapsedDays), stability);
}

/** The days until the next review FSRS sets for this stability (its target retention, its maximum). */
export function intervalFor(stability: number, settings: SchedulerSettings): number {
  return scheduler(settings).next_interval(stability, 0);
}
