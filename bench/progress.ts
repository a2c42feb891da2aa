/**
 * `npm run bench:progress`: the progress page's queries for a user with 50,000 reviews
 * over a year (among 250,000 in the table), on real PostgreSQL (BENCH_DATABASE_URL, else
 * DATABASE_URL, else 127.0.0.1:5432). Prints their server time next to a baseline
 * measured in the same run (loading that user's review log into JavaScript, what the
 * aggregates avoid), and fails if any plan scans the review log sequentially.
 * Runs with --conditions=react-server, as the app's server code does.
 */
import pg from "pg";
import { runPrisma } from "../prisma/commands.ts";
import { createTestDatabase } from "../tests/support/database.ts";

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const reviewsPerUser = 50_000;
const users = 5;
const cardCount = 2_000;
const runs = Number(process.env.BENCH_RUNS ?? 20);

const database = await createTestDatabase(serverUrl, "bench_progress");
const sql = new pg.Client({ connectionString: database.url });
try {
  await runPrisma(["migrate", "deploy"], database.url, { quiet: true });
  await sql.connect();
  const now = new Date();
  const { rows: deckRows } = await sql.query(
    `INSERT INTO "Deck" (id, slug, title, language, "sourcePath", "updatedAt")
     VALUES (gen_random_uuid(), 'bench', 'Bench', 'ja', 'bench', now()) RETURNING id`,
  );
  // Cards under 5 headings of 4 subheadings each.
  await sql.query(
    `INSERT INTO "Card" (id, "deckId", key, kind, prompt, answer, accepted, choices, section, "sourcePath",
       "sourceStartLine", "sourceEndLine", position, "contentHash", "updatedAt")
     SELECT gen_random_uuid(), $1, 'card ' || n, 'basic', 'question ' || n, 'answer ' || n, '{}', '{}',
       ARRAY['part ' || (n % 5), 'chapter ' || (n % 20)], 'bench', 1, 1, n, 'x', now()
     FROM generate_series(1, $2) AS n`,
    [deckRows[0].id, cardCount],
  );
  const { rows: userRows } = await sql.query(
    `INSERT INTO "User" (id, email, name, "updatedAt")
     SELECT gen_random_uuid(), 'bench' || n || '@example.com', 'Bench ' || n, now() FROM generate_series(1, $1) AS n
     RETURNING id`,
    [users],
  );
  const userIds = userRows.map((row) => row.id as string);
  await sql.query(
    `INSERT INTO "UserSettings" ("userId", "timeZone") SELECT id, 'Asia/Tokyo' FROM unnest($1::uuid[]) AS id`,
    [userIds],
  );
  // Every user: 50,000 reviews spread over the last year, each card's state now.
  const started = performance.now();
  await sql.query(
    `WITH cards AS (SELECT id, (row_number() OVER (ORDER BY position) - 1)::int AS i FROM "Card"),
     moments AS (
       SELECT n, $4::timestamp - make_interval(secs => (365 * 86400.0) * ($2 - n) / $2) AS t
       FROM generate_series(1, $2) AS n
     )
     INSERT INTO "ReviewLog" (id, "userId", "cardId", "answerId", grade, "stateBefore", "stateAfter", stability,
       difficulty, "dueAt", "scheduledDays", "durationMs", "reviewedAt", previous, "previousIntervalDays", "previousDueAt")
     SELECT gen_random_uuid(), u.id, c.id, 'a' || m.n, 1 + (m.n * 7 % 4), CASE WHEN m.n <= $3 THEN 0 ELSE 2 END, 2,
       1 + m.n % 90, 1 + m.n % 10, m.t + make_interval(days => 1 + m.n % 60), 1 + m.n % 60, 2000 + m.n % 20000, m.t,
       jsonb_build_object('scheduledDays', m.n % 60), m.n % 60,
       CASE WHEN m.n > $3 THEN m.t - make_interval(hours => m.n % 50) END
     FROM unnest($1::uuid[]) AS u(id) CROSS JOIN moments m JOIN cards c ON c.i = m.n % $3`,
    [userIds, reviewsPerUser, cardCount, now],
  );
  await sql.query(
    `INSERT INTO "CardState" ("userId", "cardId", state, "dueAt", stability, difficulty, reps, "scheduledDays",
       "lastReviewAt", "updatedAt")
     SELECT u.id, c.id, 2, $2::timestamp + make_interval(hours => (c.position * 7) % (60 * 24)),
       1 + c.position % 200, 1 + c.position % 10, 25, 1 + c.position % 60,
       $2::timestamp - make_interval(days => c.position % 30), now()
     FROM unnest($1::uuid[]) AS u(id), "Card" c`,
    [userIds, now],
  );
  await sql.query("VACUUM ANALYZE");
  const seedSeconds = ((performance.now() - started) / 1000).toFixed(1);
  const { rows: count } = await sql.query(`SELECT count(*)::int AS n FROM "ReviewLog"`);

  // The app's own code, as the page runs it.
  process.env.DATABASE_URL = database.url;
  const { getProgress } = await import("../app/_server/progress.ts");
  const { progressQueries } = await import("../app/_server/progress-queries.ts");
  const { getDb } = await import("../app/_server/db.ts");
  const user = { id: userIds[0] as string };

  const time = async (task: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await task();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await task();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
    return { p50: at(0.5), p95: at(0.95), max: samples.at(-1) as number };
  };
  const dashboard = await time(() => getProgress(user, now));
  const baseline = await time(() =>
    getDb().reviewLog.findMany({
      where: { userId: user.id },
      select: { cardId: true, reviewedAt: true, grade: true, stateBefore: true, durationMs: true, dueAt: true },
    }),
  );

  // No plan may read the review log from end to end.
  const queries = progressQueries({
    userId: user.id,
    now,
    boundary: { timeZone: "Asia/Tokyo", dayStartHour: 4 },
    desiredRetention: 0.9,
  });
  type PlanNode = { "Node Type": string; "Relation Name"?: string; "Actual Total Time"?: number; Plans?: PlanNode[] };
  const scans = (node: PlanNode): string[] => [
    ...(node["Node Type"] === "Seq Scan" && node["Relation Name"] === "ReviewLog" ? ["Seq Scan on ReviewLog"] : []),
    ...(node.Plans ?? []).flatMap(scans),
  ];
  const plans: string[] = [];
  const problems: string[] = [];
  for (const [name, query] of Object.entries(queries)) {
    const { rows } = await sql.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`, query.values);
    const plan = rows[0]["QUERY PLAN"][0] as { Plan: PlanNode; "Execution Time": number };
    const found = scans(plan.Plan);
    plans.push(
      `  ${name.padEnd(10)} ${plan["Execution Time"].toFixed(1).padStart(7)} ms  ${found.join(", ") || "no sequential scan of ReviewLog"}`,
    );
    problems.push(...found.map((scan) => `${name}: ${scan}`));
  }

  console.log(
    `review log: ${count[0].n} rows (${users} users × ${reviewsPerUser}), ${cardCount} cards, seeded in ${seedSeconds} s`,
  );
  console.log(
    `dashboard queries (getProgress, ${runs} runs): p50 ${dashboard.p50.toFixed(1)} ms  p95 ${dashboard.p95.toFixed(1)} ms  max ${dashboard.max.toFixed(1)} ms`,
  );
  console.log(
    `baseline, the user's review log loaded into JavaScript: p50 ${baseline.p50.toFixed(1)} ms  p95 ${baseline.p95.toFixed(1)} ms`,
  );
  console.log("plans (EXPLAIN ANALYZE, execution time on the server):");
  console.log(plans.join("\n"));
  await getDb().$disconnect();
  if (problems.length > 0) throw new Error(`sequential scans of the review log: ${problems.join("; ")}`);
  console.log(`dashboard_ms=${dashboard.p50.toFixed(1)}`);
} finally {
  await sql.end().catch(() => {});
  await database.drop();
}
