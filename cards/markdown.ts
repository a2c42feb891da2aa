import type { Code, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);

// A deck is built from the same text by several readers (repair, generator, check,
// preview): the last few trees are kept, so each text is parsed once. Readers never
// change a tree.
const recent = new Map<string, Root>();

/** One parse of the whole text, as `parseMarkdown` does for short texts. */
export const parseWhole = (text: string): Root => processor.parse(text);

/** Markdown to mdast, with line positions. */
export function parseMarkdown(text: string): Root {
  const known = recent.get(text);
  if (known) return known;
  const tree = text.length < 64 * 1024 ? parseWhole(text) : parseInParts(text);
  remember(text, tree);
  return tree;
}

function remember(text: string, tree: Root): void {
  recent.set(text, tree);
  if (recent.size > 3) recent.delete(recent.keys().next().value as string);
}

// Where a text's parts can be parsed on their own: nothing that may be a reference or
// footnote definition ("]:", which reaches across the whole text), and lines that end only
// in "\n" (as the parts are cut).
const atxHeading = /^#{1,6}(?:[ \t]|$)/;

// Parsed parts by their text, as they were at line 1 (a text's parts recur while it is
// repaired and checked: most of its parts stay as they were). Up to about 2.5 MB of text
// (a parsed tree takes some 40 times its text): a megabyte of notes and its repair.
const parts = new Map<string, Root>();
let partsSize = 0;

function parsePart(text: string): Root {
  const known = parts.get(text);
  if (known) return known;
  const tree = processor.parse(text);
  parts.set(text, tree);
  partsSize += text.length;
  while (partsSize > 2_500_000) {
    const [oldest] = parts.keys();
    partsSize -= (oldest as string).length;
    parts.delete(oldest as string);
  }
  return tree;
}

/**
 * The same tree as one parse of the text, made from parts of at least `partLines` lines cut
 * before headings at the start of a line (micromark's time grows faster than the text: a
 * megabyte parses several times faster in parts). A part that ends inside code or HTML,
 * which a heading line may belong to, is parsed with the next one instead.
 */
export function parseInParts(text: string, partLines = 300): Root {
  if (text.includes("]:") || /\r(?!\n)/.test(text)) return parseWhole(text);
  const lines = text.split("\n");
  // Cut by lines, not characters: repairs change characters, not lines, so a repaired
  // text is cut where it was before and its untouched parts are not parsed again.
  const cuts: number[] = [];
  for (let line = partLines; line < lines.length; line++) {
    if (!atxHeading.test(lines[line] as string)) continue;
    cuts.push(line);
    line += partLines - 1;
  }
  cuts.push(lines.length);
  const children: RootContent[] = [];
  let from = 0;
  let offset = 0;
  for (const to of cuts) {
    const part = lines.slice(from, to).join("\n");
    const tree = parsePart(part);
    if (to < lines.length && endsOpen(tree, lines, from)) continue;
    for (const child of tree.children) children.push(shifted(child, from, offset));
    offset += part.length + 1;
    from = to;
  }
  return rootOf(children, lines, text);
}

/** The root of a whole text, of these children. */
function rootOf(children: RootContent[], lines: string[], text: string): Root {
  const last = lines.at(-1) as string;
  return {
    type: "root",
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines.length, column: last.length + 1, offset: text.length },
    },
  };
}

// Whether the next line (a heading at the start of a line) may belong to the part's last
// block: only a fenced code block left open or an HTML block, at the top level (inside a
// list or a quote, that line ends the container and what is open in it).
function endsOpen(tree: Root, lines: string[], from: number): boolean {
  const last = tree.children.at(-1);
  if (last?.type === "html") return true;
  if (last?.type !== "code" || !last.position) return false;
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(lines[from + last.position.start.line - 1] ?? "")?.[1];
  if (!opening) return false;
  const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[from + last.position.end.line - 1] ?? "")?.[1];
  const isClosed =
    last.position.end.line > last.position.start.line &&
    closing !== undefined &&
    closing[0] === opening[0] &&
    closing.length >= opening.length;
  return !isClosed;
}

function shifted<T extends { position?: Root["position"]; children?: unknown[] }>(
  node: T,
  lines: number,
  offset: number,
): T {
  const copy = { ...node };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { ...start, line: start.line + lines, offset: (start.offset ?? 0) + offset },
      end: { ...end, line: end.line + lines, offset: (end.offset ?? 0) + offset },
    };
  }
  if (node.children) copy.children = node.children.map((child) => shifted(child as T, lines, offset));
  return copy;
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
  const repaired: number[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== "code" || !node.position) return;
    const first = node.position.start.line;
    const isIndented = !/^\s*(```|~~~)/.test(lines[first - 1] ?? "");
    if (!isIndented || !looksLikeProse(node)) return;
    for (let line = first; line <= node.position.end.line; line++) {
      lines[line - 1] = (lines[line - 1] ?? "").replace(/^(\t| {4})/, "");
    }
    repaired.push(index);
  });
  const result = lines.join("\n");
  // Its tree, from the one just read: only the repaired blocks are read again.
  if (repaired.length > 0 && !recent.has(result)) {
    const spliced = splice(tree, repaired, lines, result);
    if (spliced) remember(result, spliced);
  }
  return result;
}

/**
 * The tree of the repaired text made from the tree before the repair, the repaired
 * blocks read on their own; null where reading them on their own may differ from reading
 * the whole text (each must be between blank lines and be followed by nothing or a
 * heading or fence line, no list after a list, no fence or HTML in them, no reference
 * definitions). A property test checks it equals one parse.
 */
function splice(tree: Root, repaired: number[], lines: string[], text: string): Root | null {
  if (text.includes("]:") || /\r(?!\n)/.test(text)) return null;
  const starts: number[] = [];
  for (let line = 0, offset = 0; line < lines.length; line++) {
    starts.push(offset);
    offset += (lines[line] as string).length + 1;
  }
  const children: RootContent[] = [];
  for (const [index, node] of tree.children.entries()) {
    if (!repaired.includes(index)) {
      children.push(moved(node, starts));
      continue;
    }
    const { start, end } = node.position as NonNullable<RootContent["position"]>;
    const block = lines.slice(start.line - 1, end.line);
    // What follows is read the same whatever precedes it: nothing, or a heading or fence
    // line at most one space in (further in, it may belong to a list item before it).
    const next = tree.children[index + 1];
    const nextLine = next?.position ? (lines[next.position.start.line - 1] ?? "") : "#";
    const before = tree.children[index - 1];
    const isListBefore = before?.type === "list" && block.some((row) => listMarker.test(row));
    // Before it, a blank line or a heading (which nothing continues); after it, a blank
    // line, or a line no paragraph or list item takes in: a heading at the margin, or a
    // fence line at most one space in (no list item's content starts that close).
    const isOpenAfterHeading = before?.type === "heading" && before.position?.end.line === start.line - 1;
    const isCutBefore = (lines[start.line - 2] ?? "") === "" || isOpenAfterHeading;
    const following = lines[end.line] ?? "";
    const isCutAfter = following === "" || /^#{1,6}(?:[ \t]|$)/.test(following) || /^ ?(```|~~~)/.test(following);
    const isAlone = isCutBefore && isCutAfter && /^ ?(#|```|~~~)/.test(nextLine);
    if (!isAlone || isListBefore || block.some((row) => /```|~~~|^\s*</.test(row))) return null;
    for (const child of parseWhole(block.join("\n")).children) {
      children.push(shifted(child, start.line - 1, starts[start.line - 1] as number));
    }
  }
  return rootOf(children, lines, text);
}

/** A copy of a node of unchanged lines, its offsets counted in the repaired text. */
function moved<T extends { position?: Root["position"]; children?: unknown[] }>(node: T, starts: number[]): T {
  const copy = { ...node };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { ...start, offset: (starts[start.line - 1] as number) + start.column - 1 },
      end: { ...end, offset: (starts[end.line - 1] as number) + end.column - 1 },
    };
  }
  if (node.children) copy.children = node.children.map((child) => moved(child as T, starts));
  return copy;
}

function looksLikeProse(code: Code): boolean {
  const rows = code.value.split("\n").filter((row) => row.trim());
  return rows.length > 0 && rows.every((row) => listMarker.test(row) || (cjk.test(row) && !row.trim().startsWith("$")));
}
