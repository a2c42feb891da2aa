import { diffArrays } from "diff";

// Docker's own long/short option pairs (from `docker run --help` and friends).
const longToShort: Record<string, string> = {
  "--interactive": "-i",
  "--tty": "-t",
  "--detach": "-d",
  "--all": "-a",
  "--force": "-f",
  "--volume": "-v",
  "--publish": "-p",
  "--env": "-e",
  "--tag": "-t",
  "--file": "-f",
  "--quiet": "-q",
  "--follow": "-f",
};
// Options that take a value: the value moves with its option when options are reordered.
const takesValue = new Set([
  "-v",
  "-p",
  "-e",
  "-t",
  "-f",
  "--name",
  "--platform",
  "--network",
  "--mount",
  "--workdir",
  "-w",
]);
// Commands where -t/-f mean --tag/--file (with a value) rather than --tty/--force.
const valueMeaning = (words: string[]) => /^docker (image )?build\b/.test(words.join(" "));

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

type Parsed = { words: string[]; options: string[]; args: string[] };

/** A command as words, then options in a canonical order (short form, one letter each), then arguments. */
function parse(command: string): Parsed {
  const tokens = normalizeTyped(command).split(" ").filter(Boolean);
  // `docker` + a management command and its action (`container ls`), or one action (`ps`).
  const words = tokens.splice(0, tokens[0] === "docker" && managementCommands.has(tokens[1] ?? "") ? 3 : 2);
  const buildLike = valueMeaning(words);
  const options: string[] = [];
  const args: string[] = [];
  while (tokens.length > 0) {
    const token = tokens.shift() as string;
    if (!token.startsWith("-") || token === "-") {
      args.push(token);
      continue;
    }
    const [flag, inlineValue] = token.startsWith("--") ? token.split("=", 2) : [token, undefined];
    const flags = flag?.startsWith("--")
      ? [longToShort[flag] ?? flag]
      : [...(flag ?? "").slice(1)].map((letter) => `-${letter}`);
    for (const f of flags) {
      const hasValue = takesValue.has(f) && (!["-t", "-f"].includes(f) || buildLike);
      const value = hasValue ? (inlineValue ?? tokens.shift() ?? "") : undefined;
      options.push(value === undefined ? f : `${f} ${value}`);
    }
  }
  return { words, options: options.sort(), args };
}

const managementCommands = new Set([
  "container",
  "image",
  "volume",
  "network",
  "compose",
  "system",
  "builder",
  "context",
]);
const placeholder = /^<[^>]+>$/;

/** A <placeholder> in the answer stands for one argument, or none. */
function argsMatch(expected: string[], given: string[]): boolean {
  const [first, ...rest] = expected;
  if (first === undefined) return given.length === 0;
  if (placeholder.test(first)) return argsMatch(rest, given) || (given.length > 0 && argsMatch(rest, given.slice(1)));
  return given[0] === first && argsMatch(rest, given.slice(1));
}

function matches(expected: Parsed, given: Parsed): boolean {
  return (
    expected.words.join(" ") === given.words.join(" ") &&
    expected.options.join("|") === given.options.join("|") &&
    argsMatch(expected.args, given.args)
  );
}

/** Tokens of the closest right answer and of what was typed, in order; `position` keys them. */
export type TokenDiff = { token: string; status: "same" | "missing" | "extra"; position: number }[];
export type TypedResult = { isCorrect: boolean; suggestedGrade: 1 | 3; closest: string; diff: TokenDiff };

/**
 * Check a typed command against the answer and its accepted equivalents: aliases,
 * options in any order, `-it` = `-i -t` = `--interactive --tty`, a leading `$ `, extra
 * or full-width spaces and characters. The diff is against the closest right answer.
 */
export function checkTypedAnswer(input: string, answer: string, accepted: string[] = []): TypedResult {
  const given = parse(input);
  const candidates = [answer, ...accepted];
  const isCorrect = candidates.some((candidate) => matches(parse(candidate), given));
  const tokens = normalizeTyped(input).split(" ").filter(Boolean);
  const closest =
    candidates
      .map((candidate) => ({ candidate, changes: diffArrays(normalizeTyped(candidate).split(" "), tokens) }))
      .sort((a, b) => changed(a.changes) - changed(b.changes))[0]?.candidate ?? answer;
  const diff: TokenDiff = diffArrays(normalizeTyped(closest).split(" "), tokens)
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
