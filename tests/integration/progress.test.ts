import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { type Memory, recallProbability } from "@/app/_lib/scheduling";
import { studyDate } from "@/app/_lib/study-day";
import { getDb } from "@/app/_server/db";
import { getProgress, getToday } from "@/app/_server/progress";
import { studyDay } from "@/app/_server/progress-queries";
import { GET as exportReviews } from "@/app/api/progress/reviews.csv/route";
import { deckSchema } from "@/cards/types";
import { Prisma } from "@/prisma/generated/client";
import { seedDeck } from "@/prisma/seed-decks";
import { actAs } from "../support/session-mock";
import { createUser } from "../support/users";

vi.mock("@/app/_server/session", () => import("../support/session-mock"));

// A history built by hand, in Tokyo with the day starting at 4:00. "Now" is
// 2026-11-29 12:00 in Tokyo (03:00 UTC): study day 2026-11-29, which began at 19:00 UTC.
const now = new Date("2026-11-29T03:00:00Z");
const jst = (local: string) => new Date(`${local}+09:00`);
const minute = 60_000;

let slug = "";
let cards: { id: string; section: string[] }[] = [];
const card = (i: number) => cards[i]?.id as string;

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `progress-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
  cards = await getDb().card.findMany({
    where: { deck: { slug } },
    orderBy: { position: "asc" },
    select: { id: true, section: true },
  });
});

type Log = {
  card: number;
  at: Date;
  grade: number;
  before: number;
  due: Date;
  previousDays: number;
  /** When the card was due before this review (none for a new card). */
  previousDueAt?: Date;
  ms?: number;
};

const history: Log[] = [
  // c0: new, Good, Good ten minutes later (on time): a review due 11-30.
  { card: 0, at: jst("2026-11-27T10:00:00"), grade: 3, before: 0, due: jst("2026-11-27T10:10:00"), previousDays: 0 },
  {
    ...{ card: 0, at: jst("2026-11-27T10:10:00"), grade: 3, before: 1, due: jst("2026-11-30T10:10:00") },
    ...{ previousDays: 0, previousDueAt: jst("2026-11-27T10:10:00") },
  },
  // c1: a mature card failed at 2:00 (still study day 11-27, when it was due), relearned at 2:10.
  {
    ...{ card: 1, at: jst("2026-11-28T02:00:00"), grade: 1, before: 2, due: jst("2026-11-28T02:10:00") },
    ...{ previousDays: 30, previousDueAt: jst("2026-11-27T20:00:00") },
  },
  {
    ...{ card: 1, at: jst("2026-11-28T02:10:00"), grade: 3, before: 3, due: jst("2026-12-01T02:10:00") },
    ...{ previousDays: 0, previousDueAt: jst("2026-11-28T02:10:00") },
  },
  // c2: a young card passed this morning, on time.
  {
    ...{ card: 2, at: jst("2026-11-29T09:00:00"), grade: 3, before: 2, due: jst("2026-12-09T09:00:00") },
    ...{ previousDays: 5, previousDueAt: jst("2026-11-29T08:00:00"), ms: 90_000 },
  },
  // c3: a mature card passed on 11-20, due 11-26 but reviewed only on 11-27 (a day left overdue).
  {
    ...{ card: 3, at: jst("2026-11-20T12:00:00"), grade: 2, before: 2, due: jst("2026-11-26T12:00:00") },
    ...{ previousDays: 40, previousDueAt: jst("2026-11-20T09:00:00") },
  },
  {
    ...{ card: 3, at: jst("2026-11-27T12:00:00"), grade: 3, before: 2, due: jst("2026-12-10T12:00:00") },
    ...{ previousDays: 6, previousDueAt: jst("2026-11-26T12:00:00") },
  },
  // c4: last year, due 12-20 but reviewed on 12-25 (and failed), then a long interval.
  {
    ...{ card: 4, at: jst("2025-12-15T12:00:00"), grade: 3, before: 2, due: jst("2025-12-20T12:00:00") },
    ...{ previousDays: 3, previousDueAt: jst("2025-12-15T08:00:00") },
  },
  {
    ...{ card: 4, at: jst("2025-12-25T12:00:00"), grade: 1, before: 2, due: jst("2026-12-25T12:00:00") },
    ...{ previousDays: 5, previousDueAt: jst("2025-12-20T12:00:00") },
  },
  // c6: new fifteen minutes ago, Again: due again five minutes ago.
  {
    ...{ card: 6, at: new Date(now.getTime() - 15 * minute), grade: 1, before: 0 },
    ...{ due: new Date(now.getTime() - 5 * minute), previousDays: 0, ms: 30_000 },
  },
];

type State = {
  card: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  days: number;
  last: Date | null;
};
const states: State[] = [
  {
    card: 0,
    state: 2,
    due: jst("2026-11-30T10:10:00"),
    stability: 3,
    difficulty: 5,
    days: 3,
    last: jst("2026-11-27T10:10:00"),
  },
  {
    card: 1,
    state: 2,
    due: jst("2026-12-01T02:10:00"),
    stability: 2.5,
    difficulty: 7.2,
    days: 3,
    last: jst("2026-11-28T02:10:00"),
  },
  {
    card: 2,
    state: 2,
    due: jst("2026-12-09T09:00:00"),
    stability: 12,
    difficulty: 4.5,
    days: 10,
    last: jst("2026-11-29T09:00:00"),
  },
  {
    card: 3,
    state: 2,
    due: jst("2026-12-10T12:00:00"),
    stability: 14,
    difficulty: 3,
    days: 13,
    last: jst("2026-11-27T12:00:00"),
  },
  {
    card: 4,
    state: 2,
    due: jst("2026-12-25T12:00:00"),
    stability: 400,
    difficulty: 2,
    days: 365,
    last: jst("2025-12-25T12:00:00"),
  },
  {
    card: 6,
    state: 1,
    due: new Date(now.getTime() - 5 * minute),
    stability: 0.5,
    difficulty: 6,
    days: 0,
    last: new Date(now.getTime() - 15 * minute),
  },
];

async function buildHistory(userId: string) {
  const db = getDb();
  await db.userSettings.update({ where: { userId }, data: { timeZone: "Asia/Tokyo", dayStartHour: 4 } });
  await db.reviewLog.createMany({
    data: history.map((log) => ({
      userId,
      cardId: card(log.card),
      answerId: crypto.randomUUID(),
      grade: log.grade,
      stateBefore: log.before,
      stateAfter: log.grade === 1 ? 3 : 2,
      stability: 1,
      difficulty: 5,
      dueAt: log.due,
      scheduledDays: 1,
      durationMs: log.ms ?? 10_000,
      reviewedAt: log.at,
      previous: { scheduledDays: log.previousDays, dueAt: log.previousDueAt?.toISOString() ?? null },
      previousIntervalDays: log.previousDays,
      previousDueAt: log.previousDueAt ?? null,
    })),
  });
  await db.cardState.createMany({
    data: [
      ...states.map((s) => ({
        userId,
        cardId: card(s.card),
        state: s.state,
        dueAt: s.due,
        stability: s.stability,
        difficulty: s.difficulty,
        scheduledDays: s.days,
        lastReviewAt: s.last,
        reps: 1,
      })),
      { userId, cardId: card(5), dueAt: now, suspendedAt: now },
    ],
  });
}

describe("the progress figures", () => {
  it("match a history computed by hand", async () => {
    const user = await createUser("progress");
    await buildHistory(user.id);
    const progress = await getProgress(user, now);

    // Due now: c6 (learning). Reviewed today (since 04:00 Tokyo): c2 and c6, 2 minutes.
    // Study streak: 11-29 only (no review on 11-28). All-due-cleared: 11-27 and 11-28
    // (11-26 ended with c3 overdue; today still has c6 due).
    expect(progress.today).toEqual({
      dueNow: 1,
      newLeft: 19,
      learning: 1,
      reviewed: 2,
      minutes: 2,
      streak: 1,
      clearedStreak: 2,
    });
    expect(progress.heatmap).toEqual([
      { date: "2025-12-15", reviews: 1, minutes: 0 },
      { date: "2025-12-25", reviews: 1, minutes: 0 },
      { date: "2026-11-20", reviews: 1, minutes: 0 },
      { date: "2026-11-27", reviews: 5, minutes: 1 },
      { date: "2026-11-29", reviews: 2, minutes: 2 },
    ]);
    // Reviews of cards in review: young (interval before < 21 days) c2, c3 (11-27), c4 ×2;
    // mature c1 (failed), c3 (11-20).
    expect(progress.retention).toEqual([
      { days: 7, young: { passed: 2, total: 2 }, mature: { passed: 0, total: 1 } },
      { days: 30, young: { passed: 2, total: 2 }, mature: { passed: 1, total: 2 } },
      { days: 365, young: { passed: 3, total: 4 }, mature: { passed: 1, total: 2 } },
    ]);
    // c1 is due at 02:10 on 12-01, which still belongs to study day 11-30.
    expect(progress.forecast.filter((d) => d.reviews > 0)).toEqual([
      { date: "2026-11-29", reviews: 1 },
      { date: "2026-11-30", reviews: 2 },
      { date: "2026-12-09", reviews: 1 },
      { date: "2026-12-10", reviews: 1 },
      { date: "2026-12-25", reviews: 1 },
    ]);
    expect(progress.forecast).toHaveLength(30);
    expect(progress.forecast[29]?.date).toBe("2026-12-28");

    const db = getDb();
    // The cards of the decks this user sees: the shipped ones (other people's own decks,
    // made by other tests, are not theirs to count).
    const seen = { ownerId: null, archivedAt: null };
    const [active, retired] = await Promise.all([
      db.card.count({ where: { retiredAt: null, deck: seen } }),
      db.card.count({ where: { retiredAt: { not: null }, deck: seen } }),
    ]);
    expect(progress.counts).toEqual({
      new: active - 7,
      learning: 1,
      young: 4,
      mature: 1,
      suspended: 1,
      retired,
    });
    expect(progress.stability.map((b) => b.cards)).toEqual([1, 2, 2, 0, 0, 1]);
    // The home page's short view reads the same figures with four of the queries.
    expect(await getToday(user, now)).toEqual({ today: progress.today, counts: progress.counts });
    expect(progress.difficulty.map((b) => b.cards)).toEqual([0, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
  });

  it("computes mastery per section as ts-fsrs computes recall, weakest first", async () => {
    const user = await createUser("mastery");
    await buildHistory(user.id);
    const progress = await getProgress(user, now);
    const sections = progress.sections.filter((s) => s.deck === slug);
    expect(sections.length).toBeGreaterThan(1);
    expect(new Set(sections.map((s) => s.depth))).toEqual(new Set([1, 2]));
    expect(sections.map((s) => s.recall)).toEqual([...sections.map((s) => s.recall)].sort((a, b) => a - b));

    const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
    const recallOf = (index: number) => {
      const s = states.find((state) => state.card === index);
      if (!s || index === 5) return 0;
      const memory: Memory = {
        state: s.state as Memory["state"],
        dueAt: s.due,
        stability: s.stability,
        difficulty: s.difficulty,
        reps: 1,
        lapses: 0,
        learningStep: 0,
        scheduledDays: s.days,
        lastReviewAt: s.last,
      };
      return recallProbability(memory, now, settings);
    };
    for (const section of sections) {
      const members = cards
        .map((c, index) => ({ ...c, index }))
        .filter((c) => c.index !== 5 && c.section.slice(0, section.depth).join("\n") === section.section.join("\n"));
      expect(section.cards).toBe(members.length);
      const recalls = members.map((m) => recallOf(m.index));
      const average = recalls.reduce((a, b) => a + b, 0) / recalls.length;
      expect(section.recall).toBeCloseTo(average, 3);
      expect(section.aboveTarget).toBeCloseTo(recalls.filter((r) => r >= 0.9).length / recalls.length, 6);
    }
  });

  it("shows user B none of A's history", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    await buildHistory(a.id);
    const seenByB = await getProgress(b, now);
    expect(seenByB.heatmap).toEqual([]);
    expect(seenByB.today).toMatchObject({ dueNow: 0, learning: 0, reviewed: 0, streak: 0, clearedStreak: 0 });
    expect(seenByB.retention.every((r) => r.young.total === 0 && r.mature.total === 0)).toBe(true);
    expect(seenByB.forecast.every((d) => d.reviews === 0)).toBe(true);
    actAs(b);
    expect((await (await exportReviews(new Request("http://app/api/progress/reviews.csv"))).text()).trim()).toBe(
      "card_id,review_time,review_rating,review_state,review_duration",
    );
  });

  it("exports the review history as CSV that reads back to the same rows", async () => {
    const user = await createUser("export");
    await buildHistory(user.id);
    actAs(user);
    const response = await exportReviews(new Request("http://app/api/progress/reviews.csv"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...lines] = (await response.text()).trim().split("\n");
    expect(header).toBe("card_id,review_time,review_rating,review_state,review_duration");
    const rows = lines.map((line) => {
      const [cardId, time, rating, state, duration] = line.split(",");
      return {
        cardId,
        reviewedAt: new Date(Number(time)),
        grade: Number(rating),
        stateBefore: Number(state),
        durationMs: Number(duration),
      };
    });
    const stored = await getDb().reviewLog.findMany({
      where: { userId: user.id },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { cardId: true, reviewedAt: true, grade: true, stateBefore: true, durationMs: true },
    });
    expect(rows).toEqual(stored);
    actAs(null);
    expect((await exportReviews(new Request("http://app/api/progress/reviews.csv"))).status).toBe(401);
  });

  it("counts a forget row in no figure, and exports a forgotten card's reviews only after its reset", async () => {
    const user = await createUser("export-forget");
    await buildHistory(user.id);
    const before = await getProgress(user, now);
    const forgotten = card(history[0]?.card ?? 0);
    await getDb().reviewLog.create({
      data: {
        userId: user.id,
        cardId: forgotten,
        answerId: `forget:${crypto.randomUUID()}`,
        grade: 0,
        stateBefore: 2,
        stateAfter: 0,
        stability: 0,
        difficulty: 0,
        dueAt: now,
        scheduledDays: 0,
        durationMs: 0,
        reviewedAt: new Date(now.getTime() - minute),
        previous: {},
        previousIntervalDays: 3,
        previousDueAt: new Date(now.getTime() - 2 * 86_400_000),
      },
    });
    expect(await getProgress(user, now)).toEqual(before);
    actAs(user);
    const lines = (await (await exportReviews(new Request("http://app/api/progress/reviews.csv"))).text())
      .trim()
      .split("\n")
      .slice(1);
    const graded = await getDb().reviewLog.count({
      where: { userId: user.id, grade: { gt: 0 }, cardId: { not: forgotten } },
    });
    expect(lines).toHaveLength(graded);
    expect(lines.some((line) => line.startsWith(forgotten))).toBe(false);
  });

  it("puts reviews on the same study days in SQL as in JavaScript, across daylight-saving changes", async () => {
    const instants: Date[] = [];
    for (const day of ["2026-03-07T00:00:00Z", "2026-10-31T00:00:00Z"]) {
      for (let quarter = 0; quarter < 4 * 72; quarter++)
        instants.push(new Date(Date.parse(day) + quarter * 15 * minute));
    }
    for (const boundary of [
      { timeZone: "America/New_York", dayStartHour: 4 },
      { timeZone: "America/New_York", dayStartHour: 0 },
      { timeZone: "Europe/Berlin", dayStartHour: 3 },
      { timeZone: "Asia/Tokyo", dayStartHour: 4 },
    ]) {
      const rows = await getDb().$queryRaw<{ at: Date; day: Date }[]>`
        SELECT "at", ${studyDay(Prisma.sql`"at"`, boundary)} AS "day"
        FROM unnest(${instants.map((d) => d.toISOString())}::timestamptz[]) AS t(at_tz),
          LATERAL (SELECT (at_tz AT TIME ZONE 'UTC') AS "at") AS a`;
      for (const row of rows) {
        expect(row.day.toISOString().slice(0, 10), `${row.at.toISOString()} ${boundary.timeZone}`).toBe(
          studyDate(row.at, boundary),
        );
      }
    }
  });
});
