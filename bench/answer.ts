/**
 * `npm run bench`: load the answer endpoint (POST /api/review/answers) of the real app
 * and, in the same run, a minimal Node.js + pg server doing the same transaction, at 8
 * and 32 connections, on real PostgreSQL (BENCH_DATABASE_URL, else DATABASE_URL, else
 * 127.0.0.1:5432). The app's users each have FSRS parameters of their own
 * (BENCH_WEIGHTS=defaults: none). Also the review page's first-load JavaScript. Last line: ratio=<n>.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { defaultWeights } from "../app/_lib/scheduling.ts";
import { runPrisma } from "../prisma/commands.ts";
import { createTestDatabase } from "../tests/support/database.ts";
import { startRawServer } from "./raw-server.ts";

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const usersPerServer = 150;
const cardsPerUser = 800;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const secret = randomBytes(32).toString("base64url");
const cookieName = "__Secure-authjs.session-token";

const database = await createTestDatabase(serverUrl, "bench");
const sql = new pg.Client({ connectionString: database.url });
try {
  await runPrisma(["migrate", "deploy"], database.url, { quiet: true });
  await sql.connect();
  // A deck of many cards, and users with nothing reviewed yet: every answer is a first one.
  const { rows: deckRows } = await sql.query(
    `INSERT INTO "Deck" (id, slug, title, language, "sourcePath", "updatedAt") VALUES (gen_random_uuid(), 'bench', 'Bench', 'ja', 'bench', now()) RETURNING id`,
  );
  await sql.query(
    `INSERT INTO "Card" (id, "deckId", key, kind, prompt, answer, accepted, choices, section, "sourcePath", "sourceStartLine", "sourceEndLine", position, "contentHash", "updatedAt")
     SELECT gen_random_uuid(), $1, 'card ' || n, 'basic', 'question ' || n, 'answer ' || n, '{}', '{}', '{bench}', 'bench', 1, 1, n, 'x', now()
     FROM generate_series(1, $2) AS n`,
    [deckRows[0].id, cardsPerUser],
  );
  const { rows: users } = await sql.query(
    `INSERT INTO "User" (id, email, name, "updatedAt") SELECT gen_random_uuid(), 'bench' || n || '@example.com', 'Bench ' || n, now()
     FROM generate_series(1, $1) AS n RETURNING id, email, name`,
    [usersPerServer * 2],
  );
  const cards = (await sql.query(`SELECT id FROM "Card" ORDER BY position`)).rows.map((r) => r.id as string);
  // Each of the app's users scheduled with parameters of their own, as after a fit
  // (BENCH_WEIGHTS=defaults: FSRS's defaults for everyone, as before fits existed).
  if (process.env.BENCH_WEIGHTS !== "defaults") {
    for (const [index, user] of users.slice(0, usersPerServer).entries()) {
      const scale = 0.5 + index / usersPerServer;
      const weights = defaultWeights.map((w, i) => (i <= 3 ? w * scale : w));
      await sql.query(`INSERT INTO "UserSettings" ("userId", "fsrsWeights") VALUES ($1, $2)`, [user.id, weights]);
    }
  }

  const port = 3400;
  // BENCH_CPU_PROFILE=<dir>: the app writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  // The app as `npm start` runs it (node's flags included).
  const startArgs = (JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string).split(" ").slice(1);
  const app = spawn(process.execPath, [...profile, ...startArgs], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), AUTH_SECRET: secret, DATA_DIR: "memory://" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    app.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready in") && resolve());
    app.on("exit", (code) => reject(new Error(`app exited with ${code}`)));
  });
  const raw = await startRawServer(database.url, port + 1, { secret, cookieName });

  const appUsers = users.slice(0, usersPerServer);
  const rawUsers = users.slice(usersPerServer);
  const cookiesOf = (list: typeof users) =>
    Promise.all(
      list.map(async (u) => {
        const token = await encode({
          token: { sub: u.id, sid: crypto.randomUUID(), sv: 0, name: u.name, email: u.email },
          secret,
          salt: cookieName,
        });
        return `${cookieName}=${token}`;
      }),
    );
  const cookies = { app: await cookiesOf(appUsers), raw: await cookiesOf(rawUsers) };

  // Each request answers a (user, card) pair not answered before, so none is refused.
  function pairs(userCount: number) {
    let next = 0;
    return () => {
      const index = next++;
      return { user: index % userCount, card: cards[Math.floor(index / userCount) % cards.length] as string };
    };
  }

  // One sequence per server across both runs, so no pair is answered twice.
  const picks = { app: pairs(usersPerServer), raw: pairs(usersPerServer) };
  async function load(target: "app" | "raw", connections: number, duration = seconds) {
    const pick = picks[target];
    const result = await autocannon({
      url: target === "app" ? `http://127.0.0.1:${port}/api/review/answers` : `http://127.0.0.1:${port + 1}/answer`,
      connections,
      duration,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const { user, card } = pick();
            const body = JSON.stringify({
              cardId: card,
              grade: 3,
              answerId: crypto.randomUUID(),
              version: 0,
              durationMs: 1000,
            });
            const headers = { "content-type": "application/json", cookie: cookies[target][user] as string };
            return { ...request, headers, body };
          },
        },
      ],
    });
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors,
    };
  }

  const rows: string[] = [];
  const ratios: number[] = [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  // Both servers warm up first (JIT, pools, Next's route modules): cold starts are not measured.
  await load("raw", 8, 5);
  await load("app", 8, 5);
  for (const connections of [8, 32]) {
    // Rounds alternate between the two servers, so a slow spell of this shared machine
    // falls on both; each figure is the median of its rounds (p99: the worst round).
    const results = { raw: [] as Awaited<ReturnType<typeof load>>[], app: [] as Awaited<ReturnType<typeof load>>[] };
    for (let round = 0; round < rounds; round++) {
      results.raw.push(await load("raw", connections));
      results.app.push(await load("app", connections));
    }
    const summary = (list: Awaited<ReturnType<typeof load>>[]) => ({
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: Math.max(...list.map((r) => r.p99)),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
    });
    const [rawResult, appResult] = [summary(results.raw), summary(results.app)];
    // Every request answers a new (user, card) pair, so anything but 200 is a failed run.
    if (rawResult.errors + appResult.errors > 0) throw new Error(`non-2xx answers at ${connections} connections`);
    const ratio = appResult.rps / rawResult.rps;
    ratios.push(ratio);
    for (const [name, r] of [
      ["raw node+pg", rawResult],
      ["app", appResult],
    ] as const) {
      rows.push(
        `${String(connections).padStart(3)} conn  ${name.padEnd(12)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.errors}`,
      );
    }
    rows.push(
      `${String(connections).padStart(3)} conn  ratio ${ratio.toFixed(2)}  (rounds: ${results.app.map((r, i) => (r.rps / (results.raw[i]?.rps ?? 1)).toFixed(2)).join(" ")})`,
    );
  }

  // The review page's first-load JavaScript: the gzip size of every script it loads.
  const html = await (
    await fetch(`http://127.0.0.1:${port}/review`, { headers: { cookie: cookies.app[0] as string } })
  ).text();
  // Scripts marked noModule (Next's legacy polyfills) are skipped by every browser that
  // runs modules, so they are not part of what a reader downloads.
  const scripts = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(`${m[1]}${m[3]}`))
    .map((m) => m[2] as string);
  const sizes = await Promise.all(
    scripts.map(
      async (src) =>
        gzipSync(Buffer.from(await (await fetch(new URL(src, `http://127.0.0.1:${port}`))).arrayBuffer())).length,
    ),
  );
  rows.push(
    `review page first-load JS: ${(sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} kB gzip in ${scripts.length} scripts`,
  );

  app.kill("SIGTERM");
  await raw.close();
  console.log(rows.join("\n"));
  console.log(`ratio=${Math.min(...ratios).toFixed(2)}`);
} finally {
  await sql.end().catch(() => {});
  await database.drop();
}
