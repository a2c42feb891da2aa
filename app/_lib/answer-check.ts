import { diffArrays } from "diff";
import { isAcceptedCommand } from "@/cards/grading";

/**
 * Full-width characters from a Japanese IME become ASCII, and so do the dashes it types
 * for "-" (ー, the long vowel mark, in romaji mode; ‐ ‑ – — − as well); a shell prompt
 * and extra spaces go.
 */
export function normalizeTyped(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\u30fc\u2010-\u2015\u2212]/g, "-")
    .replace(/^\s*[$#>]\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Tokens of the closest right answer and of what was typed, in order; `position` keys them. */
export type TokenDiff = { token: string; status: "same" | "missing" | "extra"; position: number }[];
export type TypedResult = { isCorrect: boolean; suggestedGrade: 1 | 3; closest: string; diff: TokenDiff };

/**
 * Check a typed command against the answer and its accepted forms, read with the CLI's
 * grammar (cards/grading.ts): any name of the command, options in any spelling and order,
 * any value for a placeholder; a leading `$ `, full-width characters and IME dashes are
 * forgiven. A wrong answer's diff is against the closest right answer.
 */
export function checkTypedAnswer(input: string, answer: string, accepted: string[] = []): TypedResult {
  const candidates = [answer, ...accepted];
  const isCorrect = isAcceptedCommand(normalizeTyped(input), candidates);
  const tokens = normalizeTyped(input).split(" ").filter(Boolean);
  const closest =
    candidates
      .map((candidate) => ({ candidate, changes: diffArrays(normalizeTyped(candidate).split(" "), tokens) }))
      .sort((a, b) => changed(a.changes) - changed(b.changes))[0]?.candidate ?? answer;
  // A right answer is shown as typed: another spelling of it is no mistake to mark.
  const shownAgainst = isCorrect ? tokens : normalizeTyped(closest).split(" ");
  const diff: TokenDiff = diffArrays(shownAgainst, tokens)
    .flatMap((change) =>
      change.value.map(
        (token) => ({ token, status: change.added ? "extra" : change.removed ? "missing" : "same" }) as const,
      ),
    )
    .map((part, position) => ({ ...part, position }));
  return { isCorrect, suggestedGrade: isCorrect ? 3 : 1, closest, diff };
}

const changed = (changes: { added?: boolean; removed?: boolean; count?: number }[]) =>
  changes.filter((c) => c.added || c.removed).reduce((sum, c) => sum + (c.count ?? 1), 0);
