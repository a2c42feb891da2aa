/**
 * `npm run bench:notes`: making and previewing a deck from large notes, as an upload does
 * (the generator, the check, the lines that make no card), at 100 KB, 300 KB and 1 MB of
 * notes built from the shipped Docker notes repeated under numbered headings; next to
 * parsing the same markdown once (remark), the floor any preview pays.
 */
import { readFileSync } from "node:fs";
import { buildDeckFromNotes } from "../cards/build.ts";
import { parseMarkdown } from "../cards/markdown.ts";

const notes = readFileSync("cards/notes/docker-notes.md", "utf8");

function notesOf(bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const part = notes.replace(/^(#+) (.*)$/gm, `$1 $2 第${i + 1}部`);
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join("\n\n");
}

for (const kb of (process.env.BENCH_SIZES ?? "100,300,1000").split(",").map(Number)) {
  const text = notesOf(kb * 1000);
  let started = performance.now();
  const built = buildDeckFromNotes({ slug: "bench", title: "Bench", language: "ja", source: "bench.md" }, text, {});
  const preview = performance.now() - started;
  // A text not parsed yet (parsed trees are kept): the cost of one parse.
  started = performance.now();
  parseMarkdown(`${text}\n`);
  const parse = performance.now() - started;
  console.log(
    `${kb} KB (${text.split("\n").length} lines): preview ${preview.toFixed(0)} ms, ${built.deck.cards.length} cards, ${built.findings.length} findings; one parse ${parse.toFixed(0)} ms`,
  );
}
