import "server-only";
import { z } from "zod";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set: start the app with `npm start`, which provides one" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    // Resolved by server.ts (see prisma/demo-account.ts); without it, no demo.
    KIOKU_DEMO: z.enum(["off", "shared", "personal"]).default("off"),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.AUTH_SECRET, {
    error: "AUTH_SECRET is required in production (npm start generates one into DATA_DIR for local use)",
    path: ["AUTH_SECRET"],
  })
  .refine((env) => Boolean(env.AUTH_GITHUB_ID) === Boolean(env.AUTH_GITHUB_SECRET), {
    error: "set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET, or neither",
    path: ["AUTH_GITHUB_ID"],
  });

export type Env = z.infer<typeof envSchema>;

/** Validate a configuration; throws with every problem named. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated configuration, read once on first use (not at import, so `next build` needs none). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Whether GitHub sign-in is configured. */
export const isGitHubEnabled = () => Boolean(getEnv().AUTH_GITHUB_ID);
