/**
 * The baseline: a minimal Node.js + pg server doing the app's work by hand, the
 * straightforward way: the same session check (the same cookie, decrypted with
 * next-auth's `decode` behind the same cache, then one query), then the answer as an
 * interactive transaction (insert-or-lock the state row, check the version, FSRS, write
 * the state, append the log). No framework, no ORM, no validation library.
 */
import { createServer } from "node:http";
import { LRUCache } from "lru-cache";
import { decode, type JWT } from "next-auth/jwt";
import pg from "pg";
import { pointsFor, tooFast } from "../app/_lib/points.ts";
import { applyGrade, type GradeValue, type Memory, newMemory } from "../app/_lib/scheduling.ts";
import { studyDate } from "../app/_lib/study-day.ts";

const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: true };

export function startRawServer(
  databaseUrl: string,
  port: number,
  auth: { secret: string; cookieName: string },
  poolSize = 10,
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const tokens = new LRUCache<string, JWT>({ max: 10_000 });
  async function sessionUser(cookieHeader: string | undefined): Promise<string | null> {
    const value = cookieHeader
      ?.split("; ")
      .find((c) => c.startsWith(`${auth.cookieName}=`))
      ?.slice(auth.cookieName.length + 1);
    if (!value) return null;
    const token =
      tokens.get(value) ??
      (await decode({ token: value, secret: auth.secret, salt: auth.cookieName }).catch(() => null));
    if (!token?.sub || typeof token.exp !== "number" || token.exp * 1000 <= Date.now()) return null;
    tokens.set(value, token);
    const { rows } = await pool.query(
      `SELECT "id" FROM "User" WHERE "id" = $1 AND "sessionVersion" = $2
       AND NOT EXISTS (SELECT 1 FROM "RevokedSession" WHERE "id" = $3 AND "userId" = "User"."id")`,
      [token.sub, token.sv, token.sid],
    );
    return rows[0]?.id ?? null;
  }

  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const userId = await sessionUser(request.headers.cookie);
    if (!userId) {
      response.writeHead(401).end();
      return;
    }
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
      // Team points and the day rollup, as the app keeps them.
      const points = pointsFor(before, now, settings);
      const day = studyDate(now, { timeZone: "UTC", dayStartHour: 4 });
      const { rows: recent } = await client.query(
        `SELECT count(*)::int AS n FROM "ReviewLog" WHERE "userId" = $1 AND "reviewedAt" > $2`,
        [userId, new Date(now.getTime() - tooFast.burstSeconds * 1000)],
      );
      const isFlagged = durationMs < tooFast.minDurationMs || recent[0].n >= tooFast.burstAnswers - 1;
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
         "difficulty", "dueAt", "scheduledDays", "durationMs", "reviewedAt", "previous", "points", "studyDate", "isFlagged")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
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
          isFlagged ? 0 : points,
          day,
          isFlagged,
        ],
      );
      await client.query(
        `INSERT INTO "UserDay" ("userId", "deckId", "date", "points", "reviews", "flagged")
         SELECT $1, "deckId", $3, $4, 1, $5 FROM "Card" WHERE "id" = $2
         ON CONFLICT ("userId", "deckId", "date") DO UPDATE SET "points" = "UserDay"."points" + EXCLUDED."points",
           "reviews" = "UserDay"."reviews" + 1, "flagged" = "UserDay"."flagged" + EXCLUDED."flagged"`,
        [userId, cardId, day, isFlagged ? 0 : points, isFlagged ? 1 : 0],
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
