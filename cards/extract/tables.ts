import type { Table, TableCell, TableRow } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, givesAway, makeCard, reverseCard, tidy } from "../card";
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

// "How is it written?": a row's first inline example that starts with its term
// (`FROM ubuntu:20.04` for FROM) is asked with its values given, to be typed as written.
function exampleCards(
  context: Context,
  section: Section,
  { title, term, meaning, row }: { title: string; term: string; meaning: string; row: TableRow },
): Card[] {
  const examples = (row.children[1]?.children ?? [])
    .filter((child) => child.type === "inlineCode")
    .map((child) => tidy(child.value))
    .filter((example) => example.startsWith(`${term} `))
    // One is enough to show how the line is written.
    .slice(0, 1);
  return examples.map((example) =>
    makeCard(context, section, {
      kind: "typed",
      subject: `example: ${example}`,
      prompt: context.phrasing.tableExample(title, meaning, example.slice(term.length + 1)),
      // The grader reads the instruction in any case (`from ubuntu`).
      answer: example,
      nodes: [row],
    }),
  );
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
      cards.push(
        makeCard(context, section, {
          kind: "basic",
          subject: term,
          prompt: context.phrasing.tableEffect(title, term),
          answer: meaning,
          nodes: [row],
        }),
      );
      if (givesAway(meaning, term)) continue;
      const others = rows.filter((other) => other.term !== term && other.meaning !== meaning);
      const prompt = context.phrasing.tableWhich(title, meaning);
      cards.push(reverseCard(context, section, { subject: term, prompt, answer: term, nodes: [row] }, meaning, others));
      cards.push(...exampleCards(context, section, { title, term, meaning, row }));
    }
  }
  return cards;
}
