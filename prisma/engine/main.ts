import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { connectionConfig, createAdapterFactory, type Datasource, execute } from "./adapter.ts";
import { serve } from "./rpc.ts";
import { type SchemaEngine, startEngine, takePanicMessage } from "./wasm.ts";

const { values, positionals } = parseArgs({
  options: {
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
  allowPositionals: true,
});

const datasource: Datasource = JSON.parse(values.datasource ?? '{"url":""}');
const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1) || "postgres");
const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

// What the native engine logs on stderr for a one-shot command: a banner, then JSON lines.
function fail(errorCode: string, message: string): never {
  process.stderr.write("schema-engine (wasm)\n");
  const line = { level: "ERROR", target: "schema_engine::logger", fields: { error_code: errorCode, message } };
  process.stderr.write(`${JSON.stringify(line)}\n`);
  process.exit(1);
}

async function canConnect(url: string): Promise<void> {
  try {
    await execute(connectionConfig(url), "SELECT 1");
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === "3D000") fail("P1003", `Database \`${databaseName(url)}\` does not exist`);
    fail("P1001", `Can't reach database server: ${message}`);
  }
}

async function createDatabase(url: string): Promise<{ databaseName: string }> {
  const name = databaseName(url);
  await execute(connectionConfig(url, "postgres"), `CREATE DATABASE ${quoteIdent(name)}`);
  return { databaseName: name };
}

async function runOneShot(command: string | undefined): Promise<void> {
  if (command === "can-connect-to-database") return canConnect(datasource.url);
  if (command === "create-database") {
    await createDatabase(datasource.url).catch((e: Error) => fail("P1000", e.message));
    return;
  }
  if (command === "drop-database") {
    await execute(
      connectionConfig(datasource.url, "postgres"),
      `DROP DATABASE IF EXISTS ${quoteIdent(databaseName(datasource.url))} WITH (FORCE)`,
    );
    return;
  }
  fail("P1000", `Unknown command: ${command}`);
}

async function readDatamodels(): Promise<[string, string][] | undefined> {
  const paths = values.datamodels ?? [];
  if (paths.length === 0) return undefined;
  return Promise.all(paths.map(async (p): Promise<[string, string]> => [p, await readFile(p, "utf8")]));
}

let engine: Promise<SchemaEngine> | undefined;
const getEngine = () => {
  engine ??= readDatamodels().then((datamodels) =>
    startEngine(datamodels, createAdapterFactory(datasource), (line) => process.stderr.write(`${line}\n`)),
  );
  return engine;
};

// The wasm engine's evaluateDataLoss reaches the shadow database only right after a
// devDiagnostic of the same migrations; the CLI runs applyMigrations in between.
async function before(e: SchemaEngine, method: string, params: unknown): Promise<void> {
  if (method !== "evaluateDataLoss") return;
  const { migrationsList, filters } = params as Parameters<SchemaEngine["devDiagnostic"]>[0];
  await e.devDiagnostic({ migrationsList, filters });
}

// A panic inside a callback the engine scheduled escapes every request: report it the
// way the native engine does (a log line, exit code 101) so the CLI shows the reason.
process.on("uncaughtException", (error) => {
  const message = takePanicMessage() ?? error.message;
  const line = { level: "ERROR", target: "schema_engine::panic", fields: { message, is_panic: true } };
  process.stderr.write(`${JSON.stringify(line)}\n`);
  process.exit(101);
});

if (positionals[0] === "cli") {
  await runOneShot(positionals[1]);
} else {
  await serve(getEngine, { before, local: { createDatabase: () => createDatabase(datasource.url) } });
  if (engine) (await engine).free();
}
process.exit(0);
