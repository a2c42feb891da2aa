import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDeckFromNotes } from "@/cards/build";
import { generateCards } from "@/cards/generate";
import { lintNotes } from "@/cards/lint";
import { parseInParts, parseMarkdown, parseWhole, repairNotes } from "@/cards/markdown";

// Markdown made of the pieces notes are made of, in any order and nesting.
const word = fc.constantFrom(
  "Docker",
  "コンテナ",
  "イメージ",
  "volume",
  "**太字**",
  "`docker ps`",
  "：",
  ":",
  "は",
  "を",
  " ",
  "。",
  "-",
  "|",
  "`",
  "*",
);
const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
const line = fc.oneof(
  text.map((t) => `## ${t}`),
  text.map((t) => `### ${t}`),
  text.map((t) => `- ${t}`),
  text.map((t) => `    - ${t}`),
  text.map((t) => `1. ${t}`),
  fc.constant("```"),
  text.map((t) => `$ docker ${t}`),
  text.map((t) => `|${t}|${t}|`),
  fc.constant("|---|---|"),
  fc.constant("　　"),
  fc.constant(""),
  text,
  fc.string(),
);
const markdown = fc.array(line, { maxLength: 40 }).map((lines) => lines.join("\n"));

describe("the generator on arbitrary markdown", () => {
  it("never throws, and every card is complete, sourced and unique", () => {
    fc.assert(
      fc.property(markdown, (notes) => {
        const cards = generateCards(notes, { path: "any.md" });
        const lineCount = notes.split("\n").length;
        expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
        for (const card of cards) {
          expect(card.prompt.trim()).not.toBe("");
          expect(card.answer.trim()).not.toBe("");
          const [start, end] = card.source.lines;
          expect(start).toBeGreaterThanOrEqual(1);
          expect(end).toBeGreaterThanOrEqual(start);
          expect(end).toBeLessThanOrEqual(lineCount);
          // Two wrong options, or one: the other side of an A-or-B.
          if (card.kind === "choice") expect(card.choices.length).toBeGreaterThanOrEqual(1);
          if (card.kind === "choice") expect(card.choices).not.toContain(card.answer);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("an upload of arbitrary markdown", () => {
  const hostile = fc.oneof(
    markdown,
    fc.string({ unit: "binary" }),
    fc
      .array(
        fc.constantFrom(
          "<script>alert(1)</script>",
          "[x](javascript:alert(1))",
          "![i](http://x/i.png)",
          "> ",
          "\u0000",
          "\r\n",
          "\t",
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join("")),
  );
  it("is checked and previewed without throwing, every finding on a line of the notes", () => {
    fc.assert(
      fc.property(hostile, (notes) => {
        const lineCount = notes.split("\n").length;
        for (const finding of lintNotes(notes)) {
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lineCount);
        }
        const built = buildDeckFromNotes(
          { slug: "upload", title: "Upload", language: "ja", source: "upload.md" },
          notes,
          {},
        );
        for (const { line } of built.uncovered) expect(line).toBeLessThanOrEqual(lineCount);
      }),
    );
  });
});

describe("large notes read in parts", () => {
  // Lines that a heading may or may not end: code fences (with shell comments in them),
  // HTML blocks, lists, quotes, tables and indented code, around headings.
  const block = fc.oneof(
    line,
    text.map((t) => `# ${t}`),
    fc.constantFrom(
      "#",
      "# a comment",
      "~~~",
      "````",
      "  ```",
      "> ```",
      "> # quoted",
      "    # indented",
      "- ```",
      "<div>",
      "</div>",
      "<!--",
      "-->",
      "<pre>",
      "</pre>",
      "===",
      "[^1]: a footnote",
      "[x]: http://example.com",
      "see [x] and [^1]",
      "text\r",
    ),
  );
  it("are the same tree as one parse of the whole text", () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (lines, partLines) => {
        const notes = lines.join("\n");
        expect(parseInParts(notes, partLines)).toEqual(parseWhole(notes));
      }),
      { numRuns: 500 },
    );
  });
});

describe("notes with indented prose, repaired", () => {
  // Indented prose and lists (what the repair unindents) among the blocks notes are made of.
  const row = fc.oneof(
    line,
    fc.constantFrom(
      "    コンテナの説明です。",
      "    - リストの項目",
      "    1. 番号の項目",
      "\tタブで字下げした説明",
      "    $ docker ps",
      "    <div>説明</div>",
      "    ```",
      " ```",
      "   ```",
      "  ~~~",
      "## 見出し",
      "#",
      "- 外の項目",
      "1. 外の番号",
      "2) 別の番号",
      "<div>",
      "---",
      "===",
      "[x]: http://example.com",
    ),
  );
  it("are read as one parse of the repaired text reads them", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const repaired = repairNotes(rows.join("\n"));
        expect(parseMarkdown(repaired)).toEqual(parseWhole(repaired));
      }),
      { numRuns: 1000 },
    );
  });
});
