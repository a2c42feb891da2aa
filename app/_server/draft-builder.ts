import "server-only";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import type { buildDraft as build, DeckDraft, DraftError } from "@/cards/draft";

// Notes become cards on a worker thread, so a large upload (seconds for a megabyte) never
// holds up other requests. One thread less than the machine's cores (at least one), kept
// alive between uploads: a person previewing the same notes again after an edit reuses
// its parsed parts (cards/markdown.ts). Uploads beyond what the threads and a short queue
// take are refused as busy, not queued without end.
let pool: Piscina | undefined;

function draftPool(): Piscina {
  // The app is bundled, so the worker's file is found from where the app runs (the
  // project's directory), and TypeScript is loaded by tsx as for the server itself. Only
  // that flag: a worker refuses the server's V8 flags (`npm start` sets some).
  pool ??= new Piscina({
    filename: path.join(process.cwd(), "cards", "draft-worker.ts"),
    execArgv: ["--import", "tsx"],
    maxThreads: Math.max(1, availableParallelism() - 1),
    minThreads: 0,
    idleTimeout: 10 * 60_000,
    maxQueue: 16,
  });
  return pool;
}

/** What a draft makes (cards/draft.ts), made on a worker thread. */
export async function buildDraft(draft: DeckDraft, slug = "draft"): Promise<ReturnType<typeof build> | DraftError> {
  const threads = draftPool();
  if (threads.queueSize >= threads.options.maxQueue) return { error: "busy" };
  return threads.run({ draft, slug });
}
