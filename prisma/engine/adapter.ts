import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

export type Datasource = { url: string; shadowDatabaseUrl?: string | undefined };

// PostgreSQL's internal one-byte "char" type (OID 18) appears in catalog columns the
// engine reads (pg_class.relkind, ...). adapter-pg rejects it; bpchar (1042) is the same value.
const INTERNAL_CHAR_OID = 18;
const BPCHAR_OID = 1042;

type QueryResult = { fields?: { dataTypeID: number }[] } | undefined;

function relabelInternalChar(result: QueryResult): QueryResult {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === INTERNAL_CHAR_OID) field.dataTypeID = BPCHAR_OID;
  }
  return result;
}

class CatalogClient extends pg.Client {
  // pg's query() has a promise form and a callback form (used by Pool.query); both are
  // forwarded untyped because its overloads cannot be re-declared.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: QueryResult) => last(error, relabelInternalChar(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(relabelInternalChar) : result) as never;
  }
}

/** Discrete connection fields: adapter-pg lets a connectionString win over `database`. */
export function connectionConfig(url: string, database?: string): pg.PoolConfig {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  return {
    host: decodeURIComponent(parsed.hostname) || parsed.searchParams.get("host") || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: database ?? decodeURIComponent(parsed.pathname.slice(1) || "postgres"),
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    Client: CatalogClient,
    max: 4,
  };
}

export function schemaOf(url: string): string {
  return new URL(url).searchParams.get("schema") ?? "public";
}

function adapterFor(config: pg.PoolConfig, schema: string): PrismaPg {
  return new PrismaPg(config, { schema });
}

/** Run one statement on a short-lived connection. */
export async function execute(config: pg.ClientConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

// An explicit shadow database is reused between commands: empty it each time.
async function connectGivenShadow(url: string): Promise<SqlDriverAdapter> {
  const schema = schemaOf(url);
  const config = connectionConfig(url);
  await execute(config, `DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)};`);
  return adapterFor(config, schema).connect();
}

// Otherwise a throwaway database on the same server, dropped after use. The pool must be
// closed before the drop, and FORCE ends any connection the engine left open.
async function connectTemporaryShadow(url: string): Promise<SqlDriverAdapter> {
  const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
  const maintenance = connectionConfig(url);
  await execute(maintenance, `CREATE DATABASE ${quoteIdent(name)}`);
  const adapter = await adapterFor(connectionConfig(url, name), "public").connect();
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await execute(maintenance, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  };
  return adapter;
}

/** The migration-aware adapter factory the WebAssembly engine drives. */
export function createAdapterFactory(datasource: Datasource): SqlMigrationAwareDriverAdapterFactory {
  const main = adapterFor(connectionConfig(datasource.url), schemaOf(datasource.url));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: () =>
      datasource.shadowDatabaseUrl
        ? connectGivenShadow(datasource.shadowDatabaseUrl)
        : connectTemporaryShadow(datasource.url),
  };
}
