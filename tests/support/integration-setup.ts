import { inject } from "vitest";

// The server code under test reads its configuration from the environment, as in production.
process.env.DATABASE_URL = inject("databaseUrl");
// An embedded database gets one connection, as npm start gives it (see server.ts).
if (!inject("serverDatabaseUrl")) process.env.DATABASE_POOL_SIZE = "1";
