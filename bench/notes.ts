/**
 * `npm run bench:notes`: making and previewing a deck from large notes, as an upload does
 * (the generator, the check, the lines that make no card), at 100 KB, 300 KB and 1 MB of
 * notes built from the shipped Docker notes repeated under numbered headings (each text
 * its own, so no part of one is parsed already for another); then the preview again after
 * one line is corrected (as after an edit in the preview), and, next to them, one parse of
 * the whole text in one piece (remark), which the preview no longer pays in full. Last,
 * the upload's own path: a fresh worker thread of the app's pool, readied as the upload
 * page readies it, given a first and a second megabyte of notes.
 */
import { readFileSync } from "node:fs";
import { buildDeckFromNotes } from "../cards/build.ts";
import type { DeckDraft } from "../cards/draft.ts";
import { createDraftPool } from "../cards/draft-pool.ts";
import { parseWhole } from "../cards/markdown.ts";

const notes = readFileSync("cards/notes/docker-notes.md", "utf8");
const info = { slug: "bench", title: "Bench", language: "ja", source: "bench.md" };

function notesOf(bytes: number, name: string): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const part = notes.replace(/^(#+) (.*)$/gm, `$1 $2 ${name}第${i + 1}部`);
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join("\n\n");
}

const time = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
};

for (const kb of (process.env.BENCH_SIZES ?? "100,300,1000").split(",").map(Number)) {
  const text = notesOf(kb * 1000, `${kb}KB`);
  const [built, preview] = await time(() => buildDeckFromNotes(info, text, {}));
  const line = text.split("\n").findIndex((row) => row.includes("Dcoker")) + 1;
  const [, again] = await time(() =>
    buildDeckFromNotes(info, text, { [line]: [{ find: "Dcoker", replace: "Docker", reason: "typo" }] }),
  );
  const [, whole] = await time(() => parseWhole(text));
  console.log(
    `${kb} KB (${text.split("\n").length} lines): preview ${preview.toFixed(0)} ms, ${built.deck.cards.length} cards, ${built.findings.length} findings; after a correction ${again.toFixed(0)} ms; one whole parse ${whole.toFixed(0)} ms`,
  );
}

const pool = createDraftPool();
const draft = (name: string): DeckDraft => ({
  title: "Bench",
  language: "ja",
  source: "bench.md",
  notes: notesOf(1_000_000, name),
  corrections: {},
  dropped: [],
});
const [, ready] = await time(() => pool.run({}, { name: "warm" }));
const [, first] = await time(() => pool.run({ draft: draft("first"), slug: "bench" }));
const [, second] = await time(() => pool.run({ draft: draft("second"), slug: "bench" }));
console.log(
  `upload on the app's worker thread, 1000 KB: readied in ${ready.toFixed(0)} ms; first ${first.toFixed(0)} ms, second ${second.toFixed(0)} ms`,
);
await pool.destroy();
