import type { Node } from "unist";
import { completeCommand } from "./grading";
import type { Section } from "./outline";
import type { Phrasing } from "./phrasing";
import type { Card, CardKind } from "./types";

/** A part of the notes the generator read and chose not to ask, with why. */
export type Skipped = { node: Node; reason: string };
export type Context = {
  path: string;
  phrasing: Phrasing;
  skipped: Skipped[];
  /** Lists whose items another reading already asks one by one (the sides of an A-or-B). */
  askedItems: Set<Node>;
  /** "term: meaning" lists and "which side?" statements, asked both ways: a blank would ask them again. */
  askedBothWays: Set<Node>;
};

type CardInput = {
  kind: CardKind;
  /** What the card is about (term, command, blanked phrase): part of its key. */
  subject: string;
  prompt: string;
  answer: string;
  accepted?: string[];
  choices?: string[];
  nodes: Node[];
  /** Keys this card had before (it asks what they asked): learners keep their history. */
  formerKeys?: string[];
  /** A typed card this one replaces with another kind: its key still grades typed answers. */
  formerTyped?: FormerTyped;
};

export type FormerTyped = { key: string; answer: string; accepted: string[] };

/** A card as generated, with the keys it replaces (they go to the deck's `folded`). */
export type NewCard = Card & { formerKeys?: string[]; formerTyped?: FormerTyped };

/** A node's text with its inline code kept as code (`docker pull`), for the app to show as code. */
export function textWithCode(node: Node): string {
  if (node.type === "inlineCode" && "value" in node) return `\`${String(node.value)}\``;
  if ("children" in node && Array.isArray(node.children)) return (node.children as Node[]).map(textWithCode).join("");
  return "value" in node && typeof node.value === "string" ? node.value : "";
}

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

export function makeCard(context: Context, section: Section, input: CardInput): NewCard {
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
    ...(input.formerKeys?.length ? { formerKeys: input.formerKeys } : {}),
    ...(input.formerTyped
      ? {
          formerTyped: {
            ...input.formerTyped,
            answer: completeCommand(tidy(input.formerTyped.answer)),
            accepted: input.formerTyped.accepted.map((a) => completeCommand(tidy(a))),
          },
        }
      : {}),
  };
}

// What carries a meaning's content: its kanji and its longer Latin words (kana, short
// words and the katakana loanwords every sentence of a deck shares, イメージ, say little).
const contentOf = (text: string) =>
  new Set([...(text.match(/\p{Script=Han}/gu) ?? []), ...(text.toLowerCase().match(/[a-z]{4,}/g) ?? [])]);
function likeness(a: string, b: string): number {
  const [x, y] = [contentOf(a), contentOf(b)];
  return (2 * [...x].filter((unit) => y.has(unit)).length) / (x.size + y.size || 1);
}

// Wrong options per card: the two siblings whose meaning reads most like the answer's
// (RUN, "run at build time", against CMD, "run when the container starts"), so each card has its own set and none is given
// away by looking unlike the question.
const choicesPerCard = 2;

/**
 * "Which term is this?": multiple choice when the siblings give two or more wrong options
 * (three kinds of virtualization, four Dockerfile instructions), else a plain reverse card.
 */
export function reverseCard(
  context: Context,
  section: Section,
  input: Omit<CardInput, "kind" | "choices">,
  meaning: string,
  siblings: { term: string; meaning: string }[],
): Card {
  if (siblings.length < 2) return makeCard(context, section, { ...input, kind: "reverse" });
  const choices = siblings
    .map((sibling, index) => ({ ...sibling, index, score: likeness(meaning, sibling.meaning) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, choicesPerCard)
    .sort((a, b) => a.index - b.index)
    .map((sibling) => sibling.term);
  return makeCard(context, section, { ...input, kind: "choice", choices });
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
