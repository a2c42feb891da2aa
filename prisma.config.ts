import path from "node:path";
import { defineConfig } from "prisma/config";

// The stock CLI downloads a native schema engine on first use. This project ships a
// launcher for Prisma's own WebAssembly build of that engine instead (see
// prisma/engine/README.md), so every `prisma` command works with no download.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine");
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "node --import tsx prisma/seed.ts",
  },
  datasource: {
    // Not env("DATABASE_URL"): that throws when unset and would break `prisma generate`.
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
