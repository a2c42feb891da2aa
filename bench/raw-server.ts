/**
 * The baseline: a minimal Node.js + pg server doing the same answer transaction as the
 * app (lock the state row, check the version, FSRS, write state, append the log), with
 * nothing else: no framework, no ORM, no session check.
 */
import { createServer } from "node:http";
import pg from "pg";
import { applyGrade, type GradeValue, type Memory, newMemory } from "../app/_lib/scheduling.ts";

const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: true };

export function startRawServer(databaseUrl: string, port: number, poolSize = 10) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const userId = request.headers["x-user-id"] as string;
    const { cardId, grade, answerId, version, durationMs } = JSON.parse(body);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const now = new Date();
      await client.query(
        `INSERT INTO "CardState" ("userId", "cardId", "dueAt", "updatedAt") VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING`,
        [userId, cardId, now],
      );
      const { rows } = await client.query(
        `SELECT * FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2 FOR UPDATE`,
        [userId, cardId],
      );
      const row = rows[0];
      if (row.version !== version) {
        await client.query("ROLLBACK");
        response.writeHead(409).end();
        return;
      }
      const before: Memory = row.reps === 0 ? newMemory(now) : { ...row };
      const after = applyGrade(before, grade as GradeValue, now, settings);
      await client.query(
        `UPDATE "CardState" SET "state"=$3, "dueAt"=$4, "stability"=$5, "difficulty"=$6, "reps"=$7, "lapses"=$8,
         "learningStep"=$9, "scheduledDays"=$10, "lastReviewAt"=$11, "version"="version"+1, "updatedAt"=$12
         WHERE "userId"=$1 AND "cardId"=$2`,
        [
          userId,
          cardId,
          after.state,
          after.dueAt,
          after.stability,
          after.difficulty,
          after.reps,
          after.lapses,
          after.learningStep,
          after.scheduledDays,
          after.lastReviewAt,
          now,
        ],
      );
      await client.query(
        `INSERT INTO "ReviewLog" ("id", "userId", "cardId", "answerId", "grade", "stateBefore", "stateAfter", "stability",
         "difficulty", "dueAt", "scheduledDays", "durationMs", "reviewedAt", "previous")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          userId,
          cardId,
          answerId,
          grade,
          before.state,
          after.state,
          after.stability,
          after.difficulty,
          after.dueAt,
          after.scheduledDays,
          durationMs,
          now,
          JSON.stringify(before),
        ],
      );
      await client.query("COMMIT");
      response
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ status: "applied", dueAt: after.dueAt }));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      response.writeHead(500).end(String(error));
    } finally {
      client.release();
    }
  });
  return new Promise<{ close: () => Promise<void> }>((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        close: async () => {
          server.closeAllConnections();
          await new Promise((r) => server.close(r));
          await pool.end();
        },
      }),
    ),
  );
}
