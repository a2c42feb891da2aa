import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/prisma/generated/client";
import { getPool } from "./db";

// The answer's statements, prepared once per connection: PostgreSQL parses and plans them
// once instead of on every answer, and no ORM layer stands between them and the pool.
// Timestamps are UTC both ways, as Prisma stores them.
const names = new Map<string, string>();
const utc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const timestamp = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === timestamp ? utc : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

// The embedded database (PGlite behind a socket) shares one session between connections,
// so a statement one connection prepared already exists for the next: there, statements
// go unnamed from the first such refusal on.
let isNaming = true;
const duplicatePreparedStatement = "42P05";

/** Run a statement (made with Prisma.sql) as a named prepared statement; its rows. */
export async function queryPrepared<T>(sql: Prisma.Sql): Promise<T[]> {
  const { text } = sql;
  let name = names.get(text);
  if (!name) {
    name = `kioku_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  const values = sql.values.map((value) => (value instanceof Date ? value.toISOString().slice(0, -1) : value));
  if (!isNaming) return (await getPool().query({ text, values, types })).rows as T[];
  try {
    return (await getPool().query({ name, text, values, types })).rows as T[];
  } catch (error) {
    if ((error as { code?: string }).code !== duplicatePreparedStatement) throw error;
    isNaming = false;
    return (await getPool().query({ text, values, types })).rows as T[];
  }
}
