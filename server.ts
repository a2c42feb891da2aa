/**
 * `npm start`: one command from a fresh clone to a running app. Uses DATABASE_URL when
 * set; otherwise an embedded PostgreSQL (PGlite) with its data in DATA_DIR. It builds
 * the app when its sources changed, applies migrations, seeds, and serves; Ctrl+C or
 * SIGTERM stops it cleanly. Next.js runs in this process, so nothing outlives it.
 */
import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import next from "next";
import { z } from "zod";
import { clientAddress, clientAddressHeader, parseTrustProxy } from "./app/_lib/client-address.ts";
import { isMultipartForm, isWellFormedMultipart } from "./app/_lib/multipart.ts";
import { runNode, runPrisma } from "./prisma/commands.ts";
import { type DemoMode, demoAccount, demoMode, demoModes } from "./prisma/demo-account.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./prisma/embedded.ts";

const require = createRequire(import.meta.url);
const root = import.meta.dirname;
const isDev = process.argv.includes("--dev");
const log = (message: string) => console.log(`[kioku] ${message}`);

const launchSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  // Empty counts as unset: the embedded database.
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .optional(),
  ),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  KIOKU_DEMO: z.enum(demoModes as [DemoMode, ...DemoMode[]]).optional(),
  // Which reverse proxies may name the client in X-Forwarded-For (app/_lib/client-address.ts).
  TRUST_PROXY: z
    .string()
    .default("0")
    .transform((value, context) => {
      try {
        return parseTrustProxy(value);
      } catch {
        context.addIssue({
          code: "custom",
          message: "must be 0, 1, or a comma-separated list of addresses and CIDR ranges",
        });
        return z.NEVER;
      }
    }),
});

const parsed = launchSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const config = parsed.data;
// Decided here, where NODE_ENV is still what the person set (Next sets it to production),
// and handed to the seed and the app.
const demo = demoMode(process.env);
process.env.KIOKU_DEMO = demo;
// "memory://" keeps the embedded database in memory only (a demo, a test run).
const inMemory = config.DATA_DIR.startsWith("memory://");
const dataDir = inMemory ? config.DATA_DIR : path.resolve(config.DATA_DIR);

// What `next build` reads. A hash of it decides whether the last build is still good.
const buildInputs = [
  "app",
  "cards",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

async function hashSources(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of buildInputs) {
    const entries = await readdir(path.join(root, input), { recursive: true, withFileTypes: true }).catch(() => null);
    const files = entries
      ? entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
      : [path.join(root, input)];
    for (const file of files.sort()) {
      const content = await readFile(file).catch(() => null);
      if (content) hash.update(path.relative(root, file)).update(content);
    }
  }
  return hash.digest("hex");
}

async function buildIfStale(): Promise<void> {
  const stampPath = path.join(root, ".next", "source-hash");
  const [current, built] = await Promise.all([hashSources(), readFile(stampPath, "utf8").catch(() => "")]);
  if (current === built) return log("build: up to date");
  log("build: sources changed, running next build (about a minute)");
  await runNode(require.resolve("next/dist/bin/next"), ["build"], { ...process.env, NODE_ENV: "production" }, true);
  await writeFile(stampPath, current);
  log("build: done");
}

async function startDatabase(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.DATABASE_URL) {
    log(`database: PostgreSQL at ${new URL(config.DATABASE_URL).host} (DATABASE_URL)`);
    return { url: config.DATABASE_URL };
  }
  const startedAt = performance.now();
  // The folder holds the database and the session key: for this OS user only.
  if (!inMemory) await mkdir(dataDir, { recursive: true, mode: 0o700 }).then(() => chmod(dataDir, 0o700));
  const embedded = await startEmbeddedPostgres({
    dataDir: inMemory ? dataDir : path.join(dataDir, "pglite"),
    lock: true,
  });
  const where = inMemory ? "memory (nothing is kept)" : `${path.relative(process.cwd(), dataDir) || "."}/`;
  log(
    `database: embedded PostgreSQL in ${where} (${Math.round(performance.now() - startedAt)} ms; set DATABASE_URL to use your own)`,
  );
  return { url: embedded.url, embedded };
}

// Sessions are signed with AUTH_SECRET. Unset, a random one is kept in DATA_DIR so
// sessions survive restarts; several instances must share one set explicitly.
async function loadAuthSecret(): Promise<string> {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (inMemory) return randomBytes(32).toString("base64url");
  const secretPath = path.join(dataDir, "auth-secret");
  const existing = (await readFile(secretPath, "utf8").catch(() => "")).trim();
  if (existing.length >= 32) return existing;
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(secretPath, secret, { mode: 0o600 });
  log(`auth: generated AUTH_SECRET in ${path.relative(process.cwd(), secretPath)}`);
  return secret;
}

const startedAt = performance.now();
let embedded: EmbeddedPostgres | undefined;
let server: Server | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  server?.close();
  server?.closeAllConnections();
  // The app's database pool (app/_server/db.ts keeps it on globalThis) closes before the database.
  await (globalThis as { pool?: { end(): Promise<void> } }).pool?.end().catch(() => undefined);
  await embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

const [database] = await Promise.all([startDatabase(), isDev ? undefined : buildIfStale()]);
embedded = database.embedded;
process.env.DATABASE_URL = database.url;
// The embedded database runs one statement at a time anyway, and its socket server mixes
// up statements that several connections send at once (pglite issue #1046): one connection.
if (embedded) process.env.DATABASE_POOL_SIZE = "1";
process.env.AUTH_SECRET = await loadAuthSecret();
await runPrisma(["migrate", "deploy"], database.url, { quiet: true });
log("database: migrations applied");
await runPrisma(["db", "seed"], database.url, { quiet: true });
log("database: seed applied");

const app = next({ dev: isDev, turbopack: true, dir: root, hostname: config.HOSTNAME, port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();
server = createServer((request, response) => {
  // The address the app rate-limits by; a value the client sent is overwritten.
  request.headers[clientAddressHeader] = clientAddress(request, config.TRUST_PROXY);
  if (request.method === "POST" && isMultipartForm(request.headers["content-type"])) {
    void checkedForm(request, response).then((checked) => checked && handle(checked, response));
  } else void handle(request, response);
});

// Next.js answers a malformed multipart body with a 500 on any page, before any code of
// ours runs (next.js issue #81760). Such a body is read here first (up to the 1 MB Next
// allows a server action) and refused with a 400; a good one is handed on unchanged.
const maxFormBytes = 1024 * 1024;
async function checkedForm(request: IncomingMessage, response: ServerResponse): Promise<IncomingMessage | null> {
  const refuse = (status: number, message: string) => {
    response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end(message);
    return null;
  };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxFormBytes) return refuse(413, "The form is larger than 1 MB.");
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  if (!(await isWellFormedMultipart(request.headers["content-type"] ?? "", body))) {
    return refuse(400, "The form data is malformed.");
  }
  const replay = new IncomingMessage(request.socket);
  Object.assign(replay, {
    method: request.method,
    url: request.url,
    headers: request.headers,
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    httpVersionMajor: request.httpVersionMajor,
    httpVersionMinor: request.httpVersionMinor,
    // The whole body is here: destroying this copy must not close the connection.
    complete: true,
  });
  replay.push(body);
  replay.push(null);
  return replay;
}
// The development server's hot reload talks over a WebSocket on this server.
if (isDev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
}
server.listen(config.PORT, config.HOSTNAME, () => {
  const address = server?.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  if (demo !== "off") {
    const kind = demo === "personal" ? " (each sign-in opens a new throwaway account)" : "";
    log(`demo account: ${demoAccount.email} / ${demoAccount.password}${kind}`);
  }
  log(`ready in ${seconds} s: http://${config.HOSTNAME ?? "localhost"}:${port}`);
});
