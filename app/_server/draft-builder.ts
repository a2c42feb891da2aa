import "server-only";
import type { Piscina } from "piscina";
import type { buildDraft as build, DeckDraft, DraftError } from "@/cards/draft";
import { createDraftPool } from "@/cards/draft-pool";

// Notes become cards on a worker thread (cards/draft-pool.ts), so a large upload (a
// second or two for a megabyte) never holds up other requests. Uploads beyond what the
// threads and a short queue take are refused as busy, not queued without end.
let pool: Piscina | undefined;
let warming: Promise<number> | undefined;

const draftPool = (): Piscina => {
  pool ??= createDraftPool();
  return pool;
};

/** What a draft makes (cards/draft.ts), made on a worker thread. */
export async function buildDraft(draft: DeckDraft, slug = "draft"): Promise<ReturnType<typeof build> | DraftError> {
  const threads = draftPool();
  if (threads.queueSize >= threads.options.maxQueue) return { error: "busy" };
  return threads.run({ draft, slug });
}

/**
 * Start a thread and compile its code while a person is on a page that uploads notes
 * (they take seconds to pick a file): the cards the shipped notes made, or nothing when a
 * thread is running or being readied already.
 */
export async function readyDraftBuilder(): Promise<number | undefined> {
  const threads = draftPool();
  if (warming || threads.threads.length > 0) return undefined;
  warming = threads.run({}, { name: "warm" });
  try {
    return await warming;
  } catch {
    return undefined;
  } finally {
    warming = undefined;
  }
}
