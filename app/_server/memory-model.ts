import "server-only";
import path from "node:path";
import { Piscina } from "piscina";
import { usableWeights } from "@/app/_lib/scheduling";
import { getDb } from "./db";
import type { FitInput, FitOutput, ReplayedCard, StudyDay } from "./memory-fit";
import { getSettings } from "./preferences";
import { reviewCsvHeader, reviewCsvLines, reviewHistory } from "./review-history";
import type { CurrentUser } from "./session";

// A person's own memory model: FSRS parameters fitted from their reviews on a worker
// thread (never on a request's), kept only when they predict the person's later reviews
// better than the parameters in use, versioned, and undone in one step.

type User = Pick<CurrentUser, "id">;

/** A fit runs by itself after this many new reviews (the person's log read again). */
export const automaticFitEvery = 1000;

let pool: Piscina | undefined;
const threads = () => {
  pool ??= new Piscina({
    filename: path.join(process.cwd(), "app", "_server", "memory-fit-worker.ts"),
    execArgv: ["--import", "tsx"],
    maxThreads: 1,
    minThreads: 0,
    idleTimeout: 60_000,
  });
  return pool;
};

export type FitRunner = {
  fit: (input: FitInput) => Promise<FitOutput>;
  replay: (csv: string, weights: number[], day: StudyDay) => Promise<ReplayedCard[]>;
};

const onThread: FitRunner = {
  fit: (input) => threads().run(input),
  replay: (csv, weights, day) => threads().run({ csv, weights, day }, { name: "replay" }),
};

// One fit per person at a time (this process runs the app's only server).
const running = new Set<string>();

/** The person's review log as the CSV export writes it, and how many reviews are in it. */
async function readLog(user: User): Promise<{ csv: string; reviews: number }> {
  const parts = [reviewCsvHeader];
  let reviews = 0;
  for await (const page of reviewHistory(user)) {
    parts.push(reviewCsvLines(page));
    reviews += page.length;
  }
  return { csv: parts.join(""), reviews };
}

/** The parameters a person is scheduled with, and when they were fitted (none for FSRS's defaults). */
async function inUse(user: User): Promise<{ weights: readonly number[]; fittedAt?: number }> {
  const db = getDb();
  const [settings, version] = await Promise.all([
    db.userSettings.findUnique({ where: { userId: user.id }, select: { fsrsWeights: true } }),
    db.fsrsParameters.findFirst({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
      select: { fitId: true },
    }),
  ]);
  const weights = usableWeights(settings?.fsrsWeights) ?? [];
  const fit = version?.fitId
    ? await db.fsrsFit.findUnique({ where: { id: version.fitId }, select: { createdAt: true } })
    : null;
  return { weights, fittedAt: weights.length > 0 ? fit?.createdAt.getTime() : undefined };
}

/** The person's study day, as their settings give it (a zone the database does not know reads as UTC). */
async function studyDayOf(user: User): Promise<StudyDay> {
  const { timeZone, dayStartHour } = await getSettings(user);
  return { timeZone, dayStartHour };
}

export type FitResult = { status: "running" } | { status: "done"; outcome: string };

// Switching writes every card of a person: more than an interactive transaction's 5 s default.
const switching = { timeout: 120_000, maxWait: 10_000 };

/**
 * Fit the person's parameters from their log now and keep them if they predict better on
 * reviews the fit did not see (a lower log loss, and no higher RMSE over bins).
 */
export async function fitMemoryModel(
  user: User,
  trigger: "settings" | "automatic",
  runner: FitRunner = onThread,
): Promise<FitResult> {
  if (running.has(user.id)) return { status: "running" };
  running.add(user.id);
  try {
    const [current, log, day] = await Promise.all([inUse(user), readLog(user), studyDayOf(user)]);
    let output: FitOutput | { outcome: "failed" };
    try {
      output = await runner.fit({ csv: log.csv, day, current: current.weights, currentFittedAt: current.fittedAt });
    } catch (error) {
      console.error("memory model fit failed", error);
      output = { outcome: "failed" };
    }
    const record = { userId: user.id, trigger, reviews: log.reviews };
    if (output.outcome !== "fitted") {
      await getDb().fsrsFit.create({
        data: {
          ...record,
          outcome: output.outcome,
          items: output.outcome === "too-few" ? output.items : 0,
          needed: output.outcome === "too-few" ? output.needed : 0,
        },
      });
      return { status: "done", outcome: output.outcome };
    }
    const weights = usableWeights(output.weights);
    const fit = {
      ...record,
      items: output.items,
      weights: output.weights,
      logLoss: output.fitted.logLoss,
      rmse: output.fitted.rmse,
      currentLogLoss: output.current.logLoss,
      currentRmse: output.current.rmse,
    };
    const isBetter =
      weights !== null && output.fitted.logLoss < output.current.logLoss && output.fitted.rmse <= output.current.rmse;
    if (!isBetter) {
      await getDb().fsrsFit.create({ data: { ...fit, outcome: "kept" } });
      return { status: "done", outcome: "kept" };
    }
    try {
      // Each card rebuilt from the log as it is now (answers given during the fit included).
      const cards = await runner.replay((await readLog(user)).csv, [...weights], day);
      await getDb().$transaction(async (tx) => {
        const adopted = await tx.fsrsFit.create({ data: { ...fit, weights: [...weights], outcome: "adopted" } });
        await switchTo(tx, user, weights, { source: "fitted", fitId: adopted.id }, cards);
      }, switching);
      return { status: "done", outcome: "adopted" };
    } catch (error) {
      console.error("memory model not switched", error);
      await getDb().fsrsFit.create({ data: { ...fit, outcome: "failed" } });
      return { status: "done", outcome: "failed" };
    }
  } finally {
    running.delete(user.id);
  }
}

/** Start a fit without waiting for it; false when one is running already. */
export function startFit(user: User, trigger: "settings" | "automatic", runner: FitRunner = onThread): boolean {
  if (running.has(user.id)) return false;
  fitMemoryModel(user, trigger, runner).catch((error) => console.error("memory model fit failed", error));
  return true;
}

// When each person's log was last counted for an automatic fit.
const lastLooked = new Map<string, number>();

/**
 * Fit in the background once the person has answered `automaticFitEvery` reviews since
 * their last fit (looked at most every ten minutes per person, on a review page's queue).
 */
export async function fitWhenDue(user: User, now: Date, runner: FitRunner = onThread): Promise<boolean> {
  const looked = lastLooked.get(user.id);
  if (running.has(user.id) || (looked !== undefined && now.getTime() - looked < 10 * 60_000)) return false;
  lastLooked.set(user.id, now.getTime());
  if (lastLooked.size > 10_000) lastLooked.delete(lastLooked.keys().next().value as string);
  const [row] = await getDb().$queryRaw<{ fresh: bigint }[]>`
    SELECT count(*) AS fresh FROM "ReviewLog" r
    WHERE r."userId" = ${user.id}::uuid AND r."grade" > 0
      AND r."reviewedAt" > coalesce((SELECT max(f."createdAt") FROM "FsrsFit" f WHERE f."userId" = ${user.id}::uuid),
        '-infinity'::timestamp)`;
  if (Number(row?.fresh ?? 0) < automaticFitEvery) return false;
  return startFit(user, "automatic", runner);
}

type Transaction = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

/**
 * Schedule the person with these parameters from now on: a new version, and each card's
 * stability and difficulty as rebuilt from its reviews under them (due dates stay). A card
 * answered since the log was read keeps what its answer wrote.
 */
async function switchTo(
  tx: Transaction,
  user: User,
  weights: readonly number[],
  version: { source: "fitted" | "defaults" | "restored"; fitId?: string | null },
  cards: ReplayedCard[],
): Promise<void> {
  await tx.fsrsParameters.create({ data: { userId: user.id, weights: [...weights], ...version } });
  await tx.userSettings.upsert({
    where: { userId: user.id },
    create: { userId: user.id, fsrsWeights: [...weights] },
    update: { fsrsWeights: [...weights] },
  });
  for (let from = 0; from < cards.length; from += 5000) {
    const part = cards.slice(from, from + 5000);
    await tx.$executeRaw`
      UPDATE "CardState" cs SET "stability" = u.stability, "difficulty" = u.difficulty
      FROM unnest(${part.map((card) => card.cardId)}::uuid[], ${part.map((card) => card.stability)}::float8[],
        ${part.map((card) => card.difficulty)}::float8[], ${part.map((card) => new Date(card.lastReviewAt))}::timestamp[])
        AS u("cardId", stability, difficulty, "lastReviewAt")
      WHERE cs."userId" = ${user.id}::uuid AND cs."cardId" = u."cardId" AND cs."lastReviewAt" = u."lastReviewAt"
        AND cs."state" <> 0`;
  }
}

/**
 * Go back to FSRS's defaults, or to an earlier set of the person's own (by its version id);
 * "not-found" for a version that is not theirs.
 */
export async function restoreParameters(
  user: User,
  choice: { defaults: true } | { versionId: string },
  runner: FitRunner = onThread,
): Promise<{ status: "done" } | { error: "not-found" | "running" }> {
  let version: { weights: number[]; fitId: string | null } = { weights: [], fitId: null };
  if ("versionId" in choice) {
    const found = await getDb().fsrsParameters.findFirst({
      where: { id: choice.versionId, userId: user.id },
      select: { weights: true, fitId: true },
    });
    if (!found) return { error: "not-found" };
    version = found;
  }
  if (running.has(user.id)) return { error: "running" };
  running.add(user.id);
  try {
    const weights = usableWeights(version.weights) ?? [];
    const cards = await runner.replay((await readLog(user)).csv, [...weights], await studyDayOf(user));
    await getDb().$transaction(
      (tx) =>
        switchTo(
          tx,
          user,
          weights,
          { source: weights.length === 0 ? "defaults" : "restored", fitId: version.fitId },
          cards,
        ),
      switching,
    );
    return { status: "done" };
  } finally {
    running.delete(user.id);
  }
}

export type MemoryModelDto = {
  inUse: { weights: number[]; source: string; since: Date | null };
  isFitting: boolean;
  latest: {
    createdAt: Date;
    trigger: string;
    outcome: string;
    reviews: number;
    items: number;
    needed: number;
    logLoss: number | null;
    rmse: number | null;
    currentLogLoss: number | null;
    currentRmse: number | null;
  } | null;
  versions: { id: string; createdAt: Date; source: string; isInUse: boolean; weights: number[] }[];
  reviews: number;
};

/** What the settings page shows of the person's memory model. */
export async function getMemoryModel(user: User): Promise<MemoryModelDto> {
  const db = getDb();
  const [settings, latest, versions, reviews] = await Promise.all([
    getSettings(user),
    db.fsrsFit.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } }),
    db.fsrsParameters.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, take: 10 }),
    db.reviewLog.count({ where: { userId: user.id, grade: { gt: 0 } } }),
  ]);
  const newest = versions[0];
  return {
    inUse: { weights: settings.fsrsWeights, source: newest?.source ?? "defaults", since: newest?.createdAt ?? null },
    isFitting: running.has(user.id),
    latest,
    versions: versions.map((version, index) => ({
      id: version.id,
      createdAt: version.createdAt,
      source: version.source,
      isInUse: index === 0,
      weights: version.weights,
    })),
    reviews,
  };
}
