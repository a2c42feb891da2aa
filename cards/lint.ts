import { distance } from "fastest-levenshtein";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { parseMarkdown, repairNotes } from "./markdown";

/** A finding on a line; `fix`, when the program knows the right text: replace `find` on that line. */
export type Finding = { line: number; message: string; fix?: { find: string; replace: string } };

// Names as they are spelled; a word one or two edits away from one is a likely typo.
const knownNames = [
  "Docker",
  "Dockerfile",
  "Compose",
  "Kubernetes",
  "nginx",
  "ubuntu",
  "Namespace",
  "containerd",
  "dockerd",
  "mysql",
];
// Real words near a known name ("container" / containerd).
const knownWords = new Set([
  "engine",
  "container",
  "containers",
  "compose",
  "docker",
  "dockerd",
  "containerd",
  "kubectl",
  "socket",
]);
// Names whose capitalization is part of the name, checked in prose only.
const brandCase = ["SaaS", "GitHub", "YAML", "Kubernetes"];
// Tools whose commands have no place where Docker commands are described.
const otherTools = ["git", "svn", "podman"];

function misspelling(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (knownWords.has(lower) || knownNames.some((name) => name.toLowerCase() === lower)) return undefined;
  for (const name of knownNames) {
    const limit = name.length >= 5 ? 2 : 1;
    if (word.length >= 4 && distance(lower, name.toLowerCase()) <= limit) return name;
  }
  return undefined;
}

const words = (text: string) => text.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w.length >= 4);

function checkStructure(lines: string[], findings: Finding[]): void {
  let fenceLine = 0;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (/^\s*```/.test(text)) {
      fenceLine = fenceLine ? 0 : line;
      return;
    }
    if (fenceLine) return;
    const ticks = (text.match(/`/g) ?? []).length;
    if (ticks % 2 === 1) findings.push({ line, message: "unbalanced backticks" });
    if (/``/.test(text.replace(/```/g, ""))) findings.push({ line, message: "empty or doubled backticks" });
  });
  if (fenceLine) findings.push({ line: fenceLine, message: "code fence is never closed" });
}

function checkHeadings(tree: Root, findings: Finding[]): void {
  tree.children.forEach((node, index) => {
    const next = tree.children[index + 1];
    if (node.type !== "heading" || !node.position) return;
    if (!next || (next.type === "heading" && next.depth <= node.depth)) {
      findings.push({ line: node.position.start.line, message: "empty heading: nothing under it" });
    }
  });
}

const otherToolInProse = new RegExp(`\\b(${otherTools.join("|")})\\s+(pull|push|clone|commit|checkout)\\b`);

/** Each line of a node's text with its line number in the file (fenced code starts a line lower). */
function linesOf(node: { type: string; value: string; position?: { start: { line: number } } }) {
  const first = (node.position?.start.line ?? 1) + (node.type === "code" ? 1 : 0);
  return node.value.split("\n").map((text, index) => ({ text, line: first + index }));
}

function checkWords(tree: Root, findings: Finding[]): void {
  visit(tree, (node) => {
    if (node.type !== "text" && node.type !== "inlineCode" && node.type !== "code") return;
    for (const { text, line } of linesOf(node as { type: string; value: string })) {
      const tool = text.replace(/^\s*\$\s*/, "").split(/\s+/)[0] ?? "";
      if (node.type !== "text" && otherTools.includes(tool)) {
        findings.push({ line, message: `a ${tool} command where Docker is described: ${text.trim()}` });
      }
      const inProse = node.type === "text" ? otherToolInProse.exec(text) : null;
      if (inProse) findings.push({ line, message: `a ${inProse[1]} command where Docker is described: ${inProse[0]}` });
      for (const word of words(text)) {
        const name = misspelling(word);
        if (name)
          findings.push({ line, message: `misspelled name? "${word}" (${name})`, fix: { find: word, replace: name } });
        const brand = brandCase.find((b) => b.toLowerCase() === word.toLowerCase() && b !== word);
        const isFileName = text.includes(`.${word}`);
        if (brand && node.type === "text" && !isFileName)
          findings.push({ line, message: `"${word}" is spelled ${brand}`, fix: { find: word, replace: brand } });
      }
    }
  });
}

/** What a program can catch in notes, with line numbers, sorted. */
export function lintNotes(text: string): Finding[] {
  const findings: Finding[] = [];
  // The notes as the generator reads them (same lines): indented prose is prose.
  const tree = parseMarkdown(repairNotes(text));
  checkStructure(text.split("\n"), findings);
  checkHeadings(tree, findings);
  checkWords(tree, findings);
  const unique = new Map(findings.map((f) => [`${f.line}:${f.message}`, f]));
  return [...unique.values()].sort((a, b) => a.line - b.line);
}
