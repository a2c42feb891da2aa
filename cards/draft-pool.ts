import { availableParallelism } from "node:os";
import path from "node:path";
import { Piscina } from "piscina";

/**
 * The threads notes are made into cards on (draft-worker.ts): one less than the machine's
 * cores (at least one), kept alive between uploads, so a person previewing the same notes
 * again after an edit reuses its parsed parts (cards/markdown.ts). The worker's file is
 * found from where the app runs (the project's directory; the app itself is bundled), and
 * TypeScript is loaded by tsx as for the server. Only that flag: a worker refuses the
 * server's V8 flags (`npm start` sets some). A megabyte of notes makes some hundreds of
 * megabytes of short-lived trees: a larger young generation collects them in fewer passes.
 */
export function createDraftPool(): Piscina {
  return new Piscina({
    filename: path.join(process.cwd(), "cards", "draft-worker.ts"),
    execArgv: ["--import", "tsx"],
    maxThreads: Math.max(1, availableParallelism() - 1),
    minThreads: 0,
    idleTimeout: 10 * 60_000,
    maxQueue: 16,
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
}
