import type { Table, TableCell, TableRow } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, cardKey, givesAway, makeCard, reverseCard, tidy } from "../card";
import type { Section } from "../outline";
import type { Card } from "../types";

// The text of a cell without its inline examples (`FROM ubuntu:20.04`).
const cellMeaning = (cell: TableCell) =>
  tidy(
    cell.children
      .filter((child) => child.type !== "inlineCode")
      .map((child) => textOf(child))
      .join(""),
  );

// A row's first inline example that starts with its term (`FROM ubuntu:20.04` for FROM):
// how the line is written, shown with the row's cards.
function exampleOf(term: string, row: TableRow): string | undefined {
  return (row.children[1]?.children ?? [])
    .filter((child) => child.type === "inlineCode")
    .map((child) => tidy(child.value))
    .find((example) => example.startsWith(`${term} `));
}

/**
 * A two-column table of terms and their effect, both ways: "what does X do" and
 * "which X does Y", the latter as multiple choice among the other rows.
 */
export function extractTables(context: Context, section: Section): Card[] {
  const title = section.path.at(-1) ?? "";
  const cards: Card[] = [];
  for (const table of section.body.filter((node): node is Table => node.type === "table")) {
    const rows = table.children.slice(1).flatMap((row) => {
      const [termCell, meaningCell] = row.children;
      if (!termCell || !meaningCell) return [];
      const term = tidy(textOf(termCell));
      const meaning = cellMeaning(meaningCell);
      return term && meaning ? [{ term, meaning, row }] : [];
    });
    for (const { term, meaning, row } of rows) {
      const example = exampleOf(term, row);
      cards.push(
        makeCard(context, section, {
          kind: "basic",
          subject: term,
          prompt: context.phrasing.tableEffect(title, term),
          answer: example ? context.phrasing.withExample(meaning, example) : meaning,
          nodes: [row],
        }),
      );
      if (givesAway(meaning, term)) continue;
      const others = rows.filter((other) => other.term !== term && other.meaning !== meaning);
      // The example with its term blanked: the line is read, not only the effect.
      const blanked = example ? `${context.phrasing.blank}${example.slice(term.length)}` : undefined;
      const prompt = context.phrasing.tableWhich(title, meaning, blanked);
      // Asked before as a line to type, which asked the same as this choice.
      const key = cardKey(section.path, "typed", `example: ${example}`);
      const formerTyped = example ? { key, answer: example, accepted: [] } : undefined;
      const input = { subject: term, prompt, answer: term, nodes: [row], formerTyped };
      cards.push(reverseCard(context, section, input, meaning, others));
    }
  }
  return cards;
}
