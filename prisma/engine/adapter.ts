import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

export type Datasource = { url: string; shadowDatabaseUrl?: string | undefined };

// PostgreSQL's internal one-byte "char" type (OID 18) appears in catalog columns the
// engine reads (pg_constraint.contype, ...) and reads back as a Rust char, but adapter-pg
// has no mapping for it and rejects the query. Relabel such columns as text for
// adapter-pg, then report them to the engine as Character.
const INTERNAL_CHAR_OID = 18;
const TEXT_OID = 25;
const charColumns = new WeakMap<object, number[]>();

type RawResult = { fields: { dataTypeID: number }[]; rows: unknown[] };
type Queryable = {
  performIO(query: unknown): Promise<RawResult>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[]; rows: unknown[] }>;
};

function patchQueryable(prototype: Queryable): void {
  const { performIO, queryRaw } = prototype;
  prototype.performIO = async function (this: Queryable, query) {
    const result = await performIO.call(this, query);
    const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === INTERNAL_CHAR_OID ? [index] : []));
    for (const index of indexes) (result.fields[index] as { dataTypeID: number }).dataTypeID = TEXT_OID;
    if (indexes.length > 0) charColumns.set(result.rows, indexes);
    return result;
  };
  prototype.queryRaw = async function (this: Queryable, query) {
    const result = await queryRaw.call(this, query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

let patched = false;
function patchOnce(adapter: SqlDriverAdapter): SqlDriverAdapter {
  if (!patched) {
    // Adapter and transaction classes share this prototype (PgQueryable).
    patchQueryable(Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Queryable);
    patched = true;
  }
  return adapter;
}

/** Discrete connection fields: adapter-pg lets a connectionString win over `database`. */
export function connectionConfig(url: string, database?: string): pg.PoolConfig {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  return {
    // `?host=/dir` names a Unix socket directory and wins over the URL's host, as in libpq.
    host: parsed.searchParams.get("host") || decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: database ?? decodeURIComponent(parsed.pathname.slice(1) || "postgres"),
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
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
  return patchOnce(await adapterFor(config, schema).connect());
}

// Otherwise a throwaway database on the same server, dropped after use. The pool must be
// closed before the drop, and FORCE ends any connection the engine left open.
async function connectTemporaryShadow(url: string): Promise<SqlDriverAdapter> {
  const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
  const maintenance = connectionConfig(url);
  await execute(maintenance, `CREATE DATABASE ${quoteIdent(name)}`);
  const adapter = patchOnce(await adapterFor(connectionConfig(url, name), "public").connect());
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
    connect: async () => patchOnce(await main.connect()),
    connectToShadowDb: () =>
      datasource.shadowDatabaseUrl
        ? connectGivenShadow(datasource.shadowDatabaseUrl)
        : connectTemporaryShadow(datasource.url),
  };
}
