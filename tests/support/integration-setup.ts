import { inject } from "vitest";

// The server code under test reads its configuration from the environment, as in production.
process.env.DATABASE_URL = inject("databaseUrl");
