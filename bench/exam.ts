/**
 * `npm run bench:exam`: the exam page's prediction and plan for a user with a 2,000-card
 * deck and 50,000 reviews, on real PostgreSQL (BENCH_DATABASE_URL, else DATABASE_URL, else
 * 127.0.0.1:5432), each next to a straightforward version measured in the same run:
 * - prediction: the memory the app keeps per card, recall at the exam, the exact
 *   distribution; against replaying each card's review log with ts-fsrs to get its memory.
 * - plan: the plan to the exam as the app makes it (ts-fsrs's memory formulas); against
 *   the same plan made with ts-fsrs's whole scheduler (a card object per step).
 * Runs with --conditions=react-server, as the app's server code does.
 */
import pg from "pg";
import { runPrisma } from "../prisma/commands.ts";
import { createTestDatabase } from "../tests/support/database.ts";

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const reviews = 50_000;
const cardCount = 2_000;
const unseenCards = 300;
const examDays = 30;
const runs = Number(process.env.BENCH_RUNS ?? 15);

const database = await createTestDatabase(serverUrl, "bench_exam");
const sql = new pg.Client({ connectionString: database.url });
try {
  await runPrisma(["migrate", "deploy"], database.url, { quiet: true });
  await sql.connect();
  const now = new Date();
  const { rows: deckRows } = await sql.query(
    `INSERT INTO "Deck" (id, slug, title, language, "sourcePath", "updatedAt")
     VALUES (gen_random_uuid(), 'bench', 'Bench', 'ja', 'bench', now()) RETURNING id`,
  );
  const deckId = deckRows[0].id as string;
  await sql.query(
    `INSERT INTO "Card" (id, "deckId", key, kind, prompt, answer, accepted, choices, section, "sourcePath",
       "sourceStartLine", "sourceEndLine", position, "contentHash", "updatedAt")
     SELECT gen_random_uuid(), $1, 'card ' || n, (ARRAY['basic', 'choice', 'typed', 'cloze'])[1 + n % 4]::"CardKind",
       'question ' || n, 'answer ' || n, '{}', CASE WHEN n % 4 = 1 THEN ARRAY['a', 'b'] ELSE '{}' END,
       ARRAY['part ' || (n % 5), 'chapter ' || (n % 20)], 'bench', 1, 1, n, 'x', now()
     FROM generate_series(1, $2) AS n`,
    [deckId, cardCount],
  );
  const { rows: userRows } = await sql.query(
    `INSERT INTO "User" (id, email, name, "updatedAt") VALUES (gen_random_uuid(), 'bench@example.com', 'Bench', now())
     RETURNING id`,
  );
  const userId = userRows[0].id as string;
  await sql.query(`INSERT INTO "UserSettings" ("userId", "timeZone") VALUES ($1, 'Asia/Tokyo')`, [userId]);
  // 50,000 reviews over the last year on the cards seen, each card's state now; 300 cards never seen.
  await sql.query(
    `WITH cards AS (SELECT id, (row_number() OVER (ORDER BY position) - 1)::int AS i FROM "Card"),
     moments AS (
       SELECT n, $2::timestamp - make_interval(secs => (365 * 86400.0) * ($3 - n) / $3) AS t
       FROM generate_series(1, $3) AS n
     )
     INSERT INTO "ReviewLog" (id, "userId", "cardId", "answerId", grade, "stateBefore", "stateAfter", stability,
       difficulty, "dueAt", "scheduledDays", "durationMs", "reviewedAt", previous, "previousIntervalDays", "previousDueAt")
     SELECT gen_random_uuid(), $1, c.id, 'a' || m.n, CASE WHEN m.n % 9 = 0 THEN 1 ELSE 3 END,
       CASE WHEN m.n <= $4 THEN 0 ELSE 2 END, 2, 1 + m.n % 90, 1 + m.n % 10, m.t + make_interval(days => 1 + m.n % 60),
       1 + m.n % 60, 2000 + m.n % 20000, m.t,
       jsonb_build_object('scheduledDays', m.n % 60, 'stability', 1 + m.n % 90,
         'lastReviewAt', to_char(m.t - make_interval(days => 1 + m.n % 60), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
       m.n % 60, CASE WHEN m.n > $4 THEN m.t - make_interval(hours => m.n % 50) END
     FROM moments m JOIN cards c ON c.i = m.n % $4`,
    [userId, now, reviews, cardCount - unseenCards],
  );
  await sql.query(
    `INSERT INTO "CardState" ("userId", "cardId", state, "dueAt", stability, difficulty, reps, "scheduledDays",
       "lastReviewAt", "updatedAt")
     SELECT $1, c.id, 2, $2::timestamp + make_interval(hours => (c.position * 7) % (60 * 24)),
       1 + c.position % 200, 1 + c.position % 10, 25, 1 + c.position % 60,
       $2::timestamp - make_interval(days => c.position % 30), now()
     FROM "Card" c WHERE c.position <= $3`,
    [userId, now, cardCount - unseenCards],
  );
  const examAt = new Date(now.getTime() + examDays * 86_400_000);
  await sql.query(
    `INSERT INTO "Exam" (id, "userId", "deckId", sections, "examAt", "dailyMinutes") VALUES (gen_random_uuid(), $1, $2, '[]', $3, 60)`,
    [userId, deckId, examAt],
  );
  await sql.query("VACUUM ANALYZE");

  process.env.DATABASE_URL = database.url;
  const { getStudyPace, loadExamCards, planExam } = await import("../app/_server/exam-plans.ts");
  const { getExamForecast } = await import("../app/_server/exams.ts");
  const { getDb } = await import("../app/_server/db.ts");
  const { forecastScore, chanceRight } = await import("../app/_lib/exam-prediction.ts");
  const { recallProbability, replayAnswers } = await import("../app/_lib/scheduling.ts");
  const { planWithWholeScheduler } = await import("./exam-baseline.ts");
  const user = { id: userId };
  const exam = { id: "", deckId, sections: [] as string[], examAt, dailyMinutes: 60 };
  const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };

  const time = async (task: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i++) await task();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await task();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)] as number;
  };
  const predict = (memories: ({ memory: Parameters<typeof recallProbability>[0] | null } & { options: number })[]) =>
    forecastScore(
      memories.map((card) =>
        chanceRight(card.memory ? recallProbability(card.memory, examAt, settings) : 0.5, card.options),
      ),
    );

  const prediction = await time(async () => predict(await loadExamCards(user, exam)));
  const loading = await time(() => loadExamCards(user, exam));
  const predictionBaseline = await time(async () => {
    const [cards, log] = await Promise.all([
      getDb().card.findMany({ where: { deckId }, select: { id: true, createdAt: true, choices: true } }),
      getDb().reviewLog.findMany({
        where: { userId },
        orderBy: { reviewedAt: "asc" },
        select: { cardId: true, grade: true, reviewedAt: true },
      }),
    ]);
    const byCard = new Map<string, typeof log>();
    for (const row of log) byCard.get(row.cardId)?.push(row) ?? byCard.set(row.cardId, [row]);
    return predict(
      cards.map((card) => {
        const answers = (byCard.get(card.id) ?? []).map((row) => ({ grade: row.grade as 1 | 3, at: row.reviewedAt }));
        return {
          memory: answers.length ? replayAnswers(answers, settings, card.createdAt) : null,
          options: card.choices.length + 1,
        };
      }),
    );
  });
  const plan = await time(() => planExam(user, exam, now));
  const pace = await getStudyPace(user);
  const planBaseline = await time(async () =>
    planWithWholeScheduler(await loadExamCards(user, exam), now, examAt, 3600, settings, pace),
  );
  const page = await time(() => getExamForecast(user, now));
  const { plan: made } = await planExam(user, exam, now);
  const baselineMade = planWithWholeScheduler(await loadExamCards(user, exam), now, examAt, 3600, settings, pace);

  console.log(
    `${cardCount} cards (${unseenCards} never seen), ${reviews} reviews, exam in ${examDays} days, 60 minutes a day`,
  );
  console.log(
    `prediction (cards' memory, recall at the exam, exact distribution), p50 of ${runs}: ${prediction.toFixed(1)} ms`,
  );
  console.log(`  of which reading the cards and their memory: ${loading.toFixed(1)} ms`);
  console.log(`  straightforward: replay each card's review log with ts-fsrs: ${predictionBaseline.toFixed(1)} ms`);
  console.log(
    `plan (${made.days.length} days, ${made.days.reduce((sum, day) => sum + day.pulled, 0)} pulled forward): ${plan.toFixed(1)} ms`,
  );
  console.log(
    `  straightforward: the same plan with ts-fsrs's whole scheduler per step: ${planBaseline.toFixed(1)} ms (pulled ${baselineMade.pulled})`,
  );
  console.log(`the exam page's data (forecast, plan, calibration on the log): ${page.toFixed(1)} ms`);
  console.log(`prediction_ms=${prediction.toFixed(1)} plan_ms=${plan.toFixed(1)}`);
  await getDb().$disconnect();
} finally {
  await sql.end().catch(() => {});
  await database.drop();
}
