/**
 * `npm run cards`: regenerate every shipped deck into cards/decks/<slug>.json, and the CLI
 * grammars typed answers are read with into cards/grammars/<program>.json.
 * `npm run cards -- path/to/notes.md`: generate from any notes file and print the deck.
 * Either way: a summary (cards per kind and section), the lint findings, and the note
 * lines that produced no card.
 * `npm run -s cards -- check-answers <deck.json>`: grade answers read as JSON lines.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { type BuildResult, buildDeck } from "./build";
import { checkAnswers } from "./check-answers";
import { shippedDecks } from "./decks";
import { compileGrammar } from "./grammar";
import { grammarPrograms } from "./grammars";

function summarize({ deck, findings, uncovered, failedChecks }: BuildResult): string {
  const count = (values: string[]) =>
    [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].map(
      ([k, n]) => `  ${n}\t${k}`,
    );
  return [
    `${deck.deck.source}: ${deck.cards.length} cards`,
    "per kind:",
    ...count(deck.cards.map((card) => card.kind)),
    "per section:",
    ...count(deck.cards.map((card) => card.section.join(" > "))),
    `lint (${findings.length}):`,
    ...findings.map((f) => `  ${deck.deck.source}:${f.line}: ${f.message}${f.corrected ? " (corrected)" : ""}`),
    `lines with no card (${uncovered.length}):`,
    ...uncovered.map(({ line, reason }) => `  ${deck.deck.source}:${line}: ${reason}`),
    `pinned answer checks failing (${failedChecks.length})${failedChecks.length ? ":" : ""}`,
    ...failedChecks.map((failure) => `  ${failure}`),
  ].join("\n");
}

const [notesPath, deckPath] = process.argv.slice(2);
if (notesPath === "check-answers") {
  if (!deckPath) throw new Error("usage: npm run -s cards -- check-answers <deck.json> < answers.jsonl");
  await checkAnswers(deckPath, process.stdin, process.stdout);
} else if (notesPath) {
  const slug =
    path
      .basename(notesPath, ".md")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "notes";
  const result = buildDeck({ slug, title: slug, language: "und", source: notesPath });
  process.stdout.write(`${JSON.stringify(result.deck, null, 2)}\n`);
  process.stderr.write(`${summarize(result)}\n`);
} else {
  for (const program of grammarPrograms) {
    const grammar = await compileGrammar(program);
    writeFileSync(path.join("cards", "grammars", `${program}.json`), `${JSON.stringify(grammar)}\n`);
  }
  for (const info of shippedDecks) {
    const result = buildDeck(info);
    writeFileSync(path.join("cards", "decks", `${info.slug}.json`), `${JSON.stringify(result.deck, null, 2)}\n`);
    console.log(summarize(result));
    if (result.failedChecks.length > 0) process.exitCode = 1;
  }
}
