import { z } from "zod";
import { NotesError } from "./types";

// Corrections live beside the notes (`<notes>.corrections.json`), keyed by line: the
// user's notes stay as written, and the deck is generated from the corrected text.
export const correctionSchema = z.object({
  find: z.string().min(1),
  replace: z.string(),
  reason: z.string().min(1),
});
export const correctionsSchema = z.record(z.string().regex(/^\d+$/), z.array(correctionSchema).min(1));
export type Corrections = z.infer<typeof correctionsSchema>;

/** Apply line-keyed corrections; a `find` that is no longer on its line is an error, not a silent skip. */
export function applyCorrections(text: string, corrections: Corrections, path: string): string {
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
  return lines.join("\n");
}
