import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCards } from "@/cards/generate";

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
