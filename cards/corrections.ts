import { z } from "zod";
import { NotesError } from "./types";

// Corrections live beside the notes (`<notes>.corrections.json`), keyed by line: the
// user's notes stay as written, and the deck is generated from the corrected text.
// A replacement may span lines ("\n"): what a line says may need two sections to ask well.
// A correction that changes what a card is keyed by says where the card went (`moved`:
// old key -> new key), so learners keep its history.
export const correctionSchema = z.object({
  find: z.string().min(1),
  replace: z.string(),
  reason: z.string().min(1),
  moved: z.record(z.string().min(1), z.string().min(1)).optional(),
});
export const correctionsSchema = z.record(z.string().regex(/^\d+$/), z.array(correctionSchema).min(1));
export type Corrections = z.infer<typeof correctionsSchema>;

/**
 * Apply line-keyed corrections; a `find` that is no longer on its line is an error, not a
 * silent skip. `origin[i]` is the line of the notes that line `i + 1` of the text comes from.
 */
export function applyCorrections(
  text: string,
  corrections: Corrections,
  path: string,
): { text: string; origin: number[]; moved: Record<string, string> } {
  const lines = text.split("\n");
  for (const [lineKey, fixes] of Object.entries(corrections)) {
    const line = Number(lineKey);
    const current = lines[line - 1];
    if (current === undefined) throw new NotesError(`correction for a line past the end`, path, line);
    let fixed = current;
    for (const fix of fixes) {
      if (!fixed.includes(fix.find)) throw new NotesError(`correction not found on its line: ${fix.find}`, path, line);
      fixed = fixed.replace(fix.find, fix.replace);
    }
    lines[line - 1] = fixed;
  }
  const split = lines.map((line) => line.split("\n"));
  const moved = Object.assign(
    {},
    ...Object.values(corrections).flatMap((fixes) => fixes.map((fix) => fix.moved ?? {})),
  );
  return {
    text: split.flat().join("\n"),
    origin: split.flatMap((parts, index) => parts.map(() => index + 1)),
    moved,
  };
}
