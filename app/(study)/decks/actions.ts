"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { hasControlCharacters, plainText } from "@/app/_lib/text";
import { now } from "@/app/_server/clock";
import { archiveDeck, deleteDeck, renameDeck } from "@/app/_server/deck-library";
import { buildDraft } from "@/app/_server/draft-builder";
import {
  applyDeckUpdate,
  correctionForEdit,
  createCsvDeck,
  createOwnDeck,
  type DeckDiffDto,
  previewDeckUpdate,
  updateCsvDeck,
} from "@/app/_server/own-decks";
import { requireUser } from "@/app/_server/session";
import { correctionsSchema } from "@/cards/corrections";
import { type DeckDraft, type DraftError, deckLimits, type PreviewDto } from "@/cards/draft";

// Server actions are public endpoints: a draft is parsed whole here (sizes included)
// before anything reads it; every deck write checks that the deck is the caller's.

const draftSchema = z.object({
  title: plainText(120).pipe(z.string().trim().min(1)),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  source: plainText(300).pipe(z.string().min(1)),
  notes: z.string().max(deckLimits.bytes),
  corrections: correctionsSchema,
  dropped: z.array(z.string().max(1000)).max(deckLimits.cards),
});

// Text PostgreSQL can store and a person can read: no control characters (tabs and
// line breaks aside) or lone surrogates anywhere in what was sent.
const isClean = (value: unknown): boolean =>
  typeof value === "string"
    ? !hasControlCharacters(value, true)
    : Array.isArray(value)
      ? value.every(isClean)
      : value !== null && typeof value === "object"
        ? Object.entries(value).every(([key, inner]) => isClean(key) && isClean(inner))
        : true;

const parseDraft = (value: unknown): DeckDraft | null => {
  const parsed = draftSchema.safeParse(value);
  return parsed.success && isClean(parsed.data) ? parsed.data : null;
};

export type { PreviewDto };

export type PreviewState = { preview?: PreviewDto } | DraftError | { error: "invalid" };

/** What a draft makes, before anything is saved. */
export async function previewDeckAction(value: unknown): Promise<PreviewState> {
  await requireUser();
  const draft = parseDraft(value);
  if (!draft) return { error: "invalid" };
  const built = await buildDraft(draft);
  return "error" in built ? built : { preview: built.preview };
}

const editSchema = z.object({
  draft: z.unknown(),
  line: z.number().int().min(1).max(deckLimits.lines),
  before: z.string().max(10_000),
  after: z.string().max(10_000),
});

/** A card's edited prompt or answer as a correction of its note line, or null when the text is not on that line. */
export async function editCardAction(
  value: unknown,
): Promise<{ corrections: DeckDraft["corrections"] } | { error: "not-on-line" | "invalid" }> {
  await requireUser();
  const edit = editSchema.safeParse(value);
  const draft = edit.success ? parseDraft(edit.data.draft) : null;
  if (!edit.success || !draft || !isClean(edit.data)) return { error: "invalid" };
  const corrections = correctionForEdit(draft, edit.data.line, edit.data.before, edit.data.after);
  return corrections ? { corrections } : { error: "not-on-line" };
}

/** Create a deck from a draft (private, or for a team the user manages), then open it. */
export async function createDeckAction(
  value: unknown,
  team: unknown = null,
): Promise<DraftError | { error: "invalid" | "not-found" }> {
  const user = await requireUser();
  const draft = parseDraft(value);
  const teamId = z.union([z.null(), z.string().uuid()]).safeParse(team);
  if (!draft || !teamId.success) return { error: "invalid" };
  const created = await createOwnDeck(user, draft, await now(), teamId.data);
  if ("error" in created) return created;
  revalidatePath("/decks");
  redirect(`/decks/${created.slug}`);
}

const slugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

export type UpdatePreviewState =
  | (DeckDiffDto & { preview: PreviewDto })
  | DraftError
  | { error: "invalid" | "not-found" };

/** What new notes would change in one of the user's decks. */
export async function previewUpdateAction(slug: unknown, value: unknown): Promise<UpdatePreviewState> {
  const user = await requireUser();
  const deck = slugSchema.safeParse(slug);
  const draft = parseDraft(value);
  if (!deck.success || !draft) return { error: "invalid" };
  return (await previewDeckUpdate(user, deck.data, draft)) ?? { error: "not-found" };
}

/** Apply new notes to one of the user's decks. */
export async function applyUpdateAction(
  slug: unknown,
  value: unknown,
): Promise<DraftError | { error: "invalid" | "not-found" } | { status: "done" }> {
  const user = await requireUser();
  const deck = slugSchema.safeParse(slug);
  const draft = parseDraft(value);
  if (!deck.success || !draft) return { error: "invalid" };
  const applied = (await applyDeckUpdate(user, deck.data, draft, await now())) ?? { error: "not-found" as const };
  if ("status" in applied) revalidatePath(`/decks/${deck.data}`);
  return applied;
}

const field = (formData: FormData, name: string) => formData.get(name) ?? "";

export async function renameDeckAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const slug = slugSchema.safeParse(field(formData, "deck"));
  const title = plainText(120).pipe(z.string().trim().min(1)).safeParse(field(formData, "title"));
  if (!slug.success || !title.success) return;
  await renameDeck(user, slug.data, title.data);
  revalidatePath(`/decks/${slug.data}`);
}

export async function archiveDeckAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const slug = slugSchema.safeParse(field(formData, "deck"));
  if (!slug.success) return;
  await archiveDeck(user, slug.data, field(formData, "archive") === "on", await now());
  revalidatePath(`/decks/${slug.data}`);
}

export async function deleteDeckAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const slug = slugSchema.safeParse(field(formData, "deck"));
  if (!slug.success || field(formData, "confirm") !== "on") return;
  const deleted = await deleteDeck(user, slug.data);
  if ("status" in deleted) redirect("/decks");
}

export type CsvImportState = { error?: "invalid" | "too-large" | "empty" | "csv"; line?: number };

/** A private deck from an uploaded CSV of front/back cards, then open it. */
export async function importCsvAction(_previous: CsvImportState, formData: FormData): Promise<CsvImportState> {
  const user = await requireUser();
  const file = formData.get("file");
  const title = plainText(120)
    .pipe(z.string().trim().min(1))
    .safeParse(formData.get("title") ?? "");
  const language = z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .safeParse(formData.get("language") ?? "");
  if (!(file instanceof File) || !title.success || !language.success) return { error: "invalid" };
  if (file.size > deckLimits.bytes) return { error: "too-large" };
  const source = plainText(300).pipe(z.string().min(1)).safeParse(file.name);
  const csv = await file.text();
  const unreadable = csv.split("\n").findIndex((line) => hasControlCharacters(line, true));
  if (unreadable >= 0) return { error: "csv", line: unreadable + 1 };
  const input = { title: title.data, language: language.data, source: source.success ? source.data : "cards.csv", csv };
  const created = await createCsvDeck(user, input, await now());
  if ("error" in created) return created;
  revalidatePath("/decks");
  redirect(`/decks/${created.slug}`);
}

export type CsvUpdateState = {
  error?: NonNullable<CsvImportState["error"]> | "not-found";
  line?: number;
  diff?: DeckDiffDto;
};

/** A new version of one of the user's CSV decks, applied; what changed. */
export async function updateCsvAction(_previous: CsvUpdateState, formData: FormData): Promise<CsvUpdateState> {
  const user = await requireUser();
  const file = formData.get("file");
  const deck = slugSchema.safeParse(formData.get("deck"));
  if (!(file instanceof File) || !deck.success) return { error: "invalid" };
  if (file.size > deckLimits.bytes) return { error: "too-large" };
  const csv = await file.text();
  const unreadable = csv.split("\n").findIndex((line) => hasControlCharacters(line, true));
  if (unreadable >= 0) return { error: "csv", line: unreadable + 1 };
  const updated = await updateCsvDeck(user, deck.data, csv, await now());
  if (!updated) return { error: "not-found" };
  if ("error" in updated) return updated;
  revalidatePath(`/decks/${deck.data}`);
  return { diff: updated };
}
