import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    /** What the command printed, when it ran quietly. */
    readonly output = "",
  ) {
    super(`${command} failed (exit code ${exitCode})`);
  }
}

/**
 * Run a Node.js program as an asynchronous child process. Never spawnSync here: an
 * embedded PGlite answers from this process's event loop, so a blocked loop deadlocks.
 */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv, quiet = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(output);
      else {
        if (quiet) process.stderr.write(output);
        reject(new CommandError(`${script} ${args.join(" ")}`, code, output));
      }
    });
  });
}

/** `prisma <args>` against the given database, with the project's offline schema engine. */
export function runPrisma(
  args: string[],
  databaseUrl: string,
  options: { quiet?: boolean; shadowDatabaseUrl?: string; env?: Record<string, string | undefined> } = {},
) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATABASE_URL: databaseUrl,
    CHECKPOINT_DISABLE: "1",
    // Also set by prisma.config.ts; here it holds for any --config too.
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(import.meta.dirname, "engine", "schema-engine"),
  };
  if (options.shadowDatabaseUrl) env.SHADOW_DATABASE_URL = options.shadowDatabaseUrl;
  return runNode(require.resolve("prisma/build/index.js"), args, env, options.quiet);
}
