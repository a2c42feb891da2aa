import type { Node } from "unist";
import { completeCommand } from "./grading";
import type { Section } from "./outline";
import type { Phrasing } from "./phrasing";
import type { Card, CardKind } from "./types";

export type Context = { path: string; phrasing: Phrasing };

type CardInput = {
  kind: CardKind;
  /** What the card is about (term, command, blanked phrase): part of its key. */
  subject: string;
  prompt: string;
  answer: string;
  accepted?: string[];
  choices?: string[];
  nodes: Node[];
};

/** Collapse runs of spaces; trim. */
export const tidy = (text: string) =>
  text
    .replace(/``/g, "")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "")
    .trim();

// Kana, kanji and Japanese punctuation: a space between two of them is left over from
// removed markup (`**ハードウェア** に`), never meant.
const cjk = "\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff60";
const spaceBetweenCjk = new RegExp(`(?<=[${cjk}]) +(?=[${cjk}［］])|(?<=[${cjk}［］]) +(?=[${cjk}])`, "gu");

/**
 * Card text as shown: tidied, no-break spaces (which markdown leaves around bold) as
 * plain ones, and no stray space between Japanese characters.
 */
export const tidyText = (text: string) => tidy(text.replace(/\u00a0/g, " ")).replace(spaceBetweenCjk, "");

/** A card's key: where it lives and what it asks, so rewording a note keeps it. */
export function cardKey(section: string[], kind: CardKind, subject: string): string {
  return `${section.join(" > ")} #${kind}: ${tidy(subject).toLowerCase()}`;
}

export function makeCard(context: Context, section: Section, input: CardInput): Card {
  // A typed command names every argument it needs (a placeholder where the notes leave one out).
  const complete = (text: string) => (input.kind === "typed" ? completeCommand(tidy(text)) : tidyText(text));
  const answer = complete(input.answer);
  const starts = input.nodes.map((node) => node.position?.start.line ?? section.lines[0]);
  const ends = input.nodes.map((node) => node.position?.end.line ?? section.lines[1]);
  return {
    key: cardKey(section.path, input.kind, input.subject),
    kind: input.kind,
    prompt: tidyText(input.prompt),
    answer,
    accepted: [...new Set((input.accepted ?? []).map(complete))].filter((a) => a && a !== answer),
    choices: (input.choices ?? []).map(tidyText),
    section: section.path,
    source: { path: context.path, headings: section.path, lines: [Math.min(...starts), Math.max(...ends)] },
  };
}

/**
 * "Which term is this?": multiple choice when the siblings give two or more wrong options
 * (three kinds of virtualization, four Dockerfile instructions), else a plain reverse card.
 */
export function reverseCard(
  context: Context,
  section: Section,
  input: Omit<CardInput, "kind" | "choices">,
  siblings: string[],
): Card {
  return siblings.length >= 2
    ? makeCard(context, section, { ...input, kind: "choice", choices: siblings })
    : makeCard(context, section, { ...input, kind: "reverse" });
}

/** Whether a prompt would give its own answer away. */
export function givesAway(prompt: string, answer: string): boolean {
  const norm = (text: string) =>
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s`*]/g, "");
  return norm(answer).length > 0 && norm(prompt).includes(norm(answer));
}

/** Replace every mention of a term (and its backticked form) with a blank. */
export function mask(text: string, term: string): string {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s*");
  return text.replace(new RegExp(`\`?${escaped}\`?`, "gi"), "〇〇");
}
