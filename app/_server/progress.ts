import "server-only";
import { studyDate } from "@/app/_lib/study-day";
import { getDb } from "./db";
import { getSettings } from "./preferences";
import { progressQueries } from "./progress-queries";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;
const dayMs = 86_400_000;

export type DayCount = { date: string; reviews: number; minutes: number };
export type Retention = { days: 7 | 30 | 365; young: Rate; mature: Rate };
export type Rate = { passed: number; total: number };
export type SectionMastery = {
  deck: string;
  /** 1 for a top heading of the notes, 2 for a heading under it. */
  depth: 1 | 2;
  /** The notes' language, for the section names. */
  language: string;
  section: string[];
  cards: number;
  /** Average probability of recall now (0 for a card never reviewed). */
  recall: number;
  /** Share of the section's cards whose probability of recall is above the desired retention. */
  aboveTarget: number;
};

export type Progress = {
  today: {
    dueNow: number;
    newLeft: number;
    learning: number;
    reviewed: number;
    minutes: number;
    streak: number;
    clearedStreak: number;
  };
  heatmap: DayCount[];
  retention: Retention[];
  desiredRetention: number;
  forecast: { date: string; reviews: number }[];
  counts: { new: number; learning: number; young: number; mature: number; suspended: number; retired: number };
  sections: SectionMastery[];
  stability: { bucket: string; cards: number }[];
  difficulty: { bucket: number; cards: number }[];
};

const dateString = (date: Date) => date.toISOString().slice(0, 10);
const addDaysTo = (date: string, days: number) => dateString(new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs));
const stabilityBuckets = ["< 1 d", "1–7 d", "7–30 d", "30–90 d", "90–365 d", "≥ 1 y"];

type Context = {
  settings: Awaited<ReturnType<typeof getSettings>>;
  today: string;
  q: ReturnType<typeof progressQueries>;
};

async function contextFor(user: User, now: Date): Promise<Context> {
  const settings = await getSettings(user);
  const boundary = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const q = progressQueries({
    userId: user.id,
    now,
    boundary,
    desiredRetention: settings.desiredRetention,
    weights: settings.fsrsWeights,
  });
  return { settings, today: studyDate(now, boundary), q };
}

/** Today's figures and the card counts: what the home page shows (four of the queries). */
async function todayOf({ settings, today, q }: Context): Promise<Pick<Progress, "today" | "counts">> {
  const db = getDb();
  const [todayRows, streakRows, clearedRows, countRows] = await Promise.all([
    db.$queryRaw<{ reviewed: number; newCards: number; ms: number; dueNow: number; learning: number }[]>(q.today),
    db.$queryRaw<{ streak: number }[]>(q.streak),
    db.$queryRaw<{ lastUncleared: Date | null; firstDay: Date | null }[]>(q.cleared),
    db.$queryRaw<Progress["counts"][]>(q.counts),
  ]);
  const figures = todayRows[0] ?? { reviewed: 0, newCards: 0, ms: 0, dueNow: 0, learning: 0 };
  const counts = countRows[0] ?? { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, retired: 0 };
  const { lastUncleared, firstDay } = clearedRows[0] ?? { lastUncleared: null, firstDay: null };
  // Today counts once nothing is due; until then the streak runs to yesterday.
  const reference = figures.dueNow > 0 ? addDaysTo(today, -1) : today;
  const since = [lastUncleared && dateString(lastUncleared), firstDay && addDaysTo(dateString(firstDay), -1)]
    .filter((day): day is string => day !== null && day <= reference)
    .sort()
    .at(-1);
  const clearedStreak = firstDay && since ? Math.round((Date.parse(reference) - Date.parse(since)) / dayMs) : 0;
  return {
    today: {
      dueNow: figures.dueNow,
      newLeft: Math.min(Math.max(0, settings.newCardsPerDay - figures.newCards), counts.new),
      learning: figures.learning,
      reviewed: figures.reviewed,
      minutes: Math.round(figures.ms / 60_000),
      streak: streakRows[0]?.streak ?? 0,
      clearedStreak,
    },
    counts,
  };
}

/** The home page's short view: today's figures and the card counts, for this user only. */
export async function getToday(user: User, now: Date): Promise<Pick<Progress, "today" | "counts">> {
  return todayOf(await contextFor(user, now));
}

/**
 * Everything the progress page shows, for this user only. Each figure is one aggregate
 * in PostgreSQL over the user's rows (through the indexes on ReviewLog(userId,
 * reviewedAt) and CardState(userId, dueAt)); the queries run side by side.
 */
export async function getProgress(user: User, now: Date): Promise<Progress> {
  const db = getDb();
  const context = await contextFor(user, now);
  const { settings, today, q } = context;
  const [todayFigures, heatmapRows, retentionRows, forecastRows, sectionRows, memoryRows] = await Promise.all([
    todayOf(context),
    db.$queryRaw<{ day: Date; reviews: number; ms: number }[]>(q.heatmap),
    db.$queryRaw<{ mature: boolean; days: number; total: number; passed: number }[]>(q.retention),
    db.$queryRaw<{ day: Date; reviews: number }[]>(q.forecast),
    db.$queryRaw<SectionMastery[]>(q.sections),
    db.$queryRaw<{ kind: "stability" | "difficulty"; bucket: number; cards: number }[]>(q.memory),
  ]);
  const rate = (mature: boolean, days: number): Rate => {
    const row = retentionRows.find((r) => r.mature === mature && r.days === days);
    return { passed: row?.passed ?? 0, total: row?.total ?? 0 };
  };
  const forecastByDay = new Map(forecastRows.map((row) => [dateString(row.day), row.reviews]));
  const difficulty = new Map(memoryRows.filter((r) => r.kind === "difficulty").map((r) => [r.bucket, r.cards]));
  const stability = new Map(memoryRows.filter((r) => r.kind === "stability").map((r) => [r.bucket, r.cards]));

  return {
    ...todayFigures,
    heatmap: heatmapRows.map((row) => ({
      date: dateString(row.day),
      reviews: row.reviews,
      minutes: Math.round(row.ms / 60_000),
    })),
    retention: ([7, 30, 365] as const).map((days) => ({ days, young: rate(false, days), mature: rate(true, days) })),
    desiredRetention: settings.desiredRetention,
    forecast: Array.from({ length: 30 }, (_, i) => {
      const date = addDaysTo(today, i);
      return { date, reviews: forecastByDay.get(date) ?? 0 };
    }),
    sections: sectionRows,
    stability: stabilityBuckets.map((bucket, i) => ({ bucket, cards: stability.get(i) ?? 0 })),
    difficulty: Array.from({ length: 10 }, (_, i) => ({ bucket: i + 1, cards: difficulty.get(i + 1) ?? 0 })),
  };
}
