import type { Heading, Root, RootContent } from "mdast";
import { toString as textOf } from "mdast-util-to-string";

export type Section = {
  /** Heading texts from the outermost down to this section's own. */
  path: string[];
  heading: Heading | null;
  /** The nodes between this heading and the next heading of any level. */
  body: RootContent[];
  /** Direct subsections. */
  children: Section[];
  /** First and last line this section (with subsections) covers. */
  lines: [number, number];
};

/** Plain heading text: markup removed, spaces tidied. */
export function headingText(heading: Heading): string {
  return textOf(heading).replace(/\s+/g, " ").trim();
}

/** The heading tree of a document: every card's breadcrumb comes from here. */
export function buildOutline(tree: Root): Section {
  const root: Section = { path: [], heading: null, body: [], children: [], lines: [1, 1] };
  const stack: Section[] = [root];
  for (const node of tree.children) {
    const line = node.position?.end.line ?? 1;
    if (node.type === "heading") {
      while (stack.length > 1 && (stack.at(-1)?.heading?.depth ?? 0) >= node.depth) stack.pop();
      const parent = stack.at(-1) as Section;
      const start = node.position?.start.line ?? 1;
      const section: Section = {
        path: [...parent.path, headingText(node)],
        heading: node,
        body: [],
        children: [],
        lines: [start, start],
      };
      parent.children.push(section);
      stack.push(section);
    } else {
      (stack.at(-1) as Section).body.push(node);
    }
    for (const open of stack) open.lines[1] = Math.max(open.lines[1], line);
  }
  return root;
}

/** Every section, depth first, in the notes' order. */
export function allSections(root: Section): Section[] {
  return root.children.flatMap((child) => [child, ...allSections(child)]);
}
