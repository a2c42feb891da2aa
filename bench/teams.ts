/**
 * `npm run bench:teams`: the weekly board of a 50-member team among 10,000 users in 200
 * teams with 1,000,000 reviews, on real PostgreSQL (BENCH_DATABASE_URL, else DATABASE_URL,
 * else 127.0.0.1:5432). Prints the board query's server time (EXPLAIN ANALYZE) next to
 * the same board computed from the review log in the same run, and fails if the board
 * reads the review log or does not use the day rollup's index.
 * Runs with --conditions=react-server, as the app's server code does.
 */
import pg from "pg";
import { runPrisma } from "../prisma/commands.ts";
import { createTestDatabase } from "../tests/support/database.ts";

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const users = 10_000;
const teams = 200;
const reviews = 1_000_000;
const cards = 2_000;
const runs = Number(process.env.BENCH_RUNS ?? 20);

const database = await createTestDatabase(serverUrl, "bench_teams");
const sql = new pg.Client({ connectionString: database.url });
try {
  await runPrisma(["migrate", "deploy"], database.url, { quiet: true });
  await sql.connect();
  const started = performance.now();
  const { rows: deckRows } = await sql.query(
    `INSERT INTO "Deck" (id, slug, title, language, "sourcePath", "updatedAt")
     VALUES (gen_random_uuid(), 'bench', 'Bench', 'ja', 'bench', now()), (gen_random_uuid(), 'other', 'Other', 'ja', 'other', now())
     RETURNING id`,
  );
  await sql.query(
    `INSERT INTO "Card" (id, "deckId", key, kind, prompt, answer, accepted, choices, section, "sourcePath",
       "sourceStartLine", "sourceEndLine", position, "contentHash", "updatedAt")
     SELECT gen_random_uuid(), CASE WHEN n % 4 = 0 THEN $2::uuid ELSE $1::uuid END, 'card ' || n, 'basic', 'q ' || n,
       'a ' || n, '{}', '{}', ARRAY['part ' || (n % 5)], 'bench', 1, 1, n, 'x', now()
     FROM generate_series(1, $3) AS n`,
    [deckRows[0].id, deckRows[1].id, cards],
  );
  await sql.query(
    `INSERT INTO "User" (id, email, name, "updatedAt")
     SELECT gen_random_uuid(), 'bench' || n || '@example.com', 'Bench ' || n, now() FROM generate_series(1, $1) AS n`,
    [users],
  );
  // 200 teams of 50 on the first deck; every user in one team, half shown on its boards.
  await sql.query(
    `INSERT INTO "Team" (id, name, "timeZone", "weekStartsOn")
     SELECT gen_random_uuid(), 'Team ' || n, 'Asia/Tokyo', 1 FROM generate_series(1, $1) AS n`,
    [teams],
  );
  await sql.query(`INSERT INTO "TeamDeck" ("teamId", "deckId") SELECT id, $1 FROM "Team"`, [deckRows[0].id]);
  await sql.query(
    `WITH t AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM "Team"),
       u AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM "User")
     INSERT INTO "TeamMember" ("teamId", "userId", role, "isOnBoard")
     SELECT t.id, u.id, (CASE WHEN u.i % 50 = 0 THEN 'owner' ELSE 'member' END)::"TeamRole", u.i % 2 = 0
     FROM u JOIN t ON t.i = u.i % $1`,
    [teams],
  );
  // 1,000,000 reviews over the last 14 days (each user 100, about 7 a day), then the day rollups they make.
  await sql.query(
    `WITH u AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM "User"),
       c AS (SELECT id, row_number() OVER (ORDER BY position) - 1 AS i FROM "Card")
     INSERT INTO "ReviewLog" (id, "userId", "cardId", "answerId", grade, "stateBefore", "stateAfter", stability,
       difficulty, "dueAt", "scheduledDays", "durationMs", "reviewedAt", previous, points, "studyDate")
     SELECT gen_random_uuid(), u.id, c.id, 'a' || n, 3, 2, 2, 10, 5, now(), 10, 5000,
       now() - make_interval(secs => 14 * 86400.0 * (n % 997) / 997), '{}', (n % 17) * 0.7,
       (now() - make_interval(secs => 14 * 86400.0 * (n % 997) / 997))::date
     FROM generate_series(1, $1) AS n JOIN u ON u.i = n % $2 JOIN c ON c.i = (n * 7) % $3`,
    [reviews, users, cards],
  );
  await sql.query(
    `INSERT INTO "UserDay" ("userId", "deckId", "date", points, reviews, flagged)
     SELECT l."userId", c."deckId", l."studyDate", sum(l.points), count(*), 0
     FROM "ReviewLog" l JOIN "Card" c ON c.id = l."cardId" GROUP BY 1, 2, 3`,
  );
  await sql.query("VACUUM ANALYZE");
  const seedSeconds = ((performance.now() - started) / 1000).toFixed(1);

  process.env.DATABASE_URL = database.url;
  const { boardQuery } = await import("../app/_server/team-boards.ts");
  const { weekOf } = await import("../app/_lib/team-week.ts");
  const { rows: teamRows } = await sql.query(`SELECT id FROM "Team" ORDER BY id LIMIT 1`);
  const teamId = teamRows[0].id as string;
  const week = weekOf(new Date(), "Asia/Tokyo", 1);
  const board = boardQuery(teamId, week);
  const fromLog = {
    text: `SELECT m."userId", u."name", m."isOnBoard", coalesce(sum(l."points"), 0) AS points, count(l."id") AS reviews
      FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId"
      LEFT JOIN "ReviewLog" l ON l."userId" = m."userId" AND l."studyDate" >= $2::date AND l."studyDate" < $3::date
        AND l."grade" > 0 AND l."cardId" IN (SELECT c."id" FROM "Card" c JOIN "TeamDeck" td ON td."deckId" = c."deckId"
          WHERE td."teamId" = $1::uuid)
      WHERE m."teamId" = $1::uuid GROUP BY 1, 2, 3`,
    values: [teamId, week.start, week.end],
  };

  type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
  const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
  const explain = async (text: string, values: unknown[]) => {
    const times: number[] = [];
    let plan: PlanNode | null = null;
    for (let i = 0; i < runs + 3; i++) {
      const { rows } = await sql.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
      const result = rows[0]["QUERY PLAN"][0] as { Plan: PlanNode; "Execution Time": number };
      if (i >= 3) times.push(result["Execution Time"]);
      plan = result.Plan;
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] as number, nodes: nodes(plan as PlanNode) };
  };
  const app = await explain(board.text, board.values);
  const baseline = await explain(fromLog.text, fromLog.values);
  const readsLog = app.nodes.some((node) => node["Relation Name"] === "ReviewLog");
  const rollupIndex = app.nodes.find((node) => node["Relation Name"] === "UserDay" && node["Index Name"]);
  const { rows: counts } = await sql.query(
    `SELECT (SELECT count(*) FROM "ReviewLog")::int AS log, (SELECT count(*) FROM "UserDay")::int AS days`,
  );
  console.log(
    `${users} users, ${teams} teams of 50, ${counts[0].log} reviews, ${counts[0].days} day rollups; seeded in ${seedSeconds} s`,
  );
  console.log(`weekly board of a 50-member team (EXPLAIN ANALYZE, median of ${runs}): ${app.ms.toFixed(2)} ms`);
  console.log(
    `  plan: ${app.nodes.map((node) => `${node["Node Type"]}${node["Index Name"] ? ` (${node["Index Name"]})` : ""}`).join(" > ")}`,
  );
  console.log(`the same board from the review log: ${baseline.ms.toFixed(2)} ms`);
  if (readsLog) throw new Error("the board reads the review log");
  if (!rollupIndex) throw new Error("the board does not use an index of the day rollup");
  console.log(`board_ms=${app.ms.toFixed(2)} from_log_ms=${baseline.ms.toFixed(2)}`);
} finally {
  await sql.end().catch(() => {});
  await database.drop();
}
