import type { Code, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);

// A deck is built from the same text by several readers (repair, generator, check,
// preview): the last few trees are kept, so each text is parsed once. Readers never
// change a tree.
const recent = new Map<string, Root>();

/** Markdown to mdast, with line positions. */
export function parseMarkdown(text: string): Root {
  const known = recent.get(text);
  if (known) return known;
  const tree = processor.parse(text);
  recent.set(text, tree);
  if (recent.size > 4) recent.delete(recent.keys().next().value as string);
  return tree;
}

const cjk = /[\u3040-\u30ff\u3400-\u9fff]/;
const listMarker = /^\s*(?:[-*+]|\d+[.)])\s/;
const blankish = /^[\s\u3000]*$/;

/**
 * What the author meant, where plain Markdown reads it otherwise, keeping every line
 * number: a line of only (full-width) spaces is blank; an indented block that is prose
 * or a list (not code) loses its indentation instead of becoming a code block.
 */
export function repairNotes(text: string): string {
  const lines = text.split("\n").map((line) => (blankish.test(line) ? "" : line));
  const tree = parseMarkdown(lines.join("\n"));
  for (const node of tree.children) {
    if (node.type !== "code" || !node.position) continue;
    const first = node.position.start.line;
    const isIndented = !/^\s*(```|~~~)/.test(lines[first - 1] ?? "");
    if (!isIndented || !looksLikeProse(node)) continue;
    for (let line = first; line <= node.position.end.line; line++) {
      lines[line - 1] = (lines[line - 1] ?? "").replace(/^(\t| {4})/, "");
    }
  }
  return lines.join("\n");
}

function looksLikeProse(code: Code): boolean {
  const rows = code.value.split("\n").filter((row) => row.trim());
  return rows.length > 0 && rows.every((row) => listMarker.test(row) || (cjk.test(row) && !row.trim().startsWith("$")));
}
