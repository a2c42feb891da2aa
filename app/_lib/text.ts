import { z } from "zod";

// C0 and C1 control characters (NUL included: PostgreSQL refuses it in text), and lone
// UTF-16 surrogates, which no encoding can store. Tab and newline only where text spans lines.
const controlCharacters = /\p{Cc}/u;
// Cc less tab, line feed and carriage return.
const controlCharactersExceptLines = /[^\t\n\r\P{Cc}]/u;

/** Whether a string holds a control character or a lone surrogate (`multiline` allows tab and newlines). */
export function hasControlCharacters(text: string, multiline = false): boolean {
  return (multiline ? controlCharactersExceptLines : controlCharacters).test(text) || !text.isWellFormed();
}

/** A single-line text field from outside: any printable text, up to `max` UTF-16 units. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !hasControlCharacters(text), { error: "control-characters" });
