// Seeds a simulated review log for an existing user of the walk database.
import pg from "pg";
import { applyGrade, newMemory } from "../app/_lib/scheduling.ts";
import { ownWeights, simulateReviews } from "../tests/support/simulated-learner.ts";
const sql = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/kioku_walk" });
await sql.connect();
const email = process.argv[2];
const { rows: [user] } = await sql.query(`SELECT id FROM "User" WHERE email = $1`, [email]);
const { rows: cards } = await sql.query(`SELECT c.id FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE d.slug = 'docker' AND c."retiredAt" IS NULL ORDER BY c.position`);
const truth = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false, weights: ownWeights };
const start = Date.now() - 3650 * 86400000;
const sim = simulateReviews(truth, cards.map((c) => c.id), 5000, 21, start);
const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
const mem = new Map();
await sql.query("BEGIN");
for (const r of sim.rows) {
  if (r.at > Date.now()) break;
  const before = mem.get(r.cardId) ?? newMemory(new Date(r.at));
  const after = applyGrade(before, r.grade, new Date(r.at), settings);
  mem.set(r.cardId, after);
  await sql.query(`INSERT INTO "ReviewLog" (id, "userId", "cardId", "answerId", grade, "stateBefore", "stateAfter", stability, difficulty, "dueAt", "scheduledDays", "durationMs", "reviewedAt", previous) VALUES (gen_random_uuid(), $1, $2, gen_random_uuid()::text, $3, $4, $5, $6, $7, $8, $9, 5000, $10, '{}')`,
    [user.id, r.cardId, r.grade, r.stateBefore, after.state, after.stability, after.difficulty, after.dueAt, after.scheduledDays, new Date(r.at)]);
}
for (const [cardId, m] of mem) {
  await sql.query(`INSERT INTO "CardState" ("userId", "cardId", state, "dueAt", stability, difficulty, reps, lapses, "learningStep", "scheduledDays", "lastReviewAt", version, "updatedAt") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,1,now())`,
    [user.id, cardId, m.state, m.dueAt, m.stability, m.difficulty, m.reps, m.lapses, m.learningStep, m.scheduledDays, m.lastReviewAt]);
}
await sql.query("COMMIT");
console.log("seeded", (await sql.query(`SELECT count(*) FROM "ReviewLog" WHERE "userId" = $1`, [user.id])).rows[0]);
await sql.end();
