import { type Context, type NewCard, tidy } from "./card";
import { type Alias, aliasOf, isDockerCommand } from "./commands";
import { applyCorrections, type Corrections } from "./corrections";
import { extractCloze } from "./extract/cloze";
import { commandGroups, extractCodeCommands } from "./extract/code";
import { extractCombined } from "./extract/combined";
import { extractDefinitions } from "./extract/definitions";
import { extractExplanations } from "./extract/explanations";
import { extractInlineCommands } from "./extract/inline-commands";
import { extractLists } from "./extract/lists";
import { extractTables } from "./extract/tables";
import { extractVersus } from "./extract/versus";
import { optionAsked, readLine } from "./grading";
import { parseMarkdown, repairNotes } from "./markdown";
import { allSections, buildOutline, type Section } from "./outline";
import { phrasingFor } from "./phrasing";
import { type Card, NotesError } from "./types";

export type GenerateOptions = { path: string; corrections?: Corrections };

/** The aliases the notes give by writing two forms of a command side by side. */
function collectAliases(sections: Section[]): Alias[] {
  const aliases: Alias[] = [];
  for (const section of sections) {
    for (const node of section.body) {
      if (node.type !== "code") continue;
      for (const group of commandGroups(node)) {
        const [first, ...rest] = group.commands.filter(isDockerCommand);
        for (const other of rest) {
          const alias = first ? aliasOf(first, other) : null;
          if (alias && !aliases.some((a) => a.long === alias.long)) aliases.push(alias);
        }
      }
    }
  }
  return aliases;
}

/** Markdown notes to cards, in the notes' order, each key once. */
export function generateCards(notes: string, options: GenerateOptions): Card[] {
  return generateDeckCards(notes, options).cards;
}

/**
 * The cards, and the keys of cards folded into another that asks the same (a command shown
 * in two sections): `folded[key] = key of the card kept`, so learners keep their history.
 */
export function generateDeckCards(
  notes: string,
  { path, corrections = {} }: GenerateOptions,
): {
  cards: Card[];
  folded: Record<string, string>;
  typedBefore: Record<string, { answer: string; accepted: string[] }>;
  skipped: { lines: [number, number]; reason: string }[];
} {
  const corrected = applyCorrections(notes, corrections, path);
  const text = repairNotes(corrected.text);
  const sections = allSections(buildOutline(parseMarkdown(text)));
  const aliases = collectAliases(sections);
  const context: Context = {
    path,
    phrasing: phrasingFor(text),
    skipped: [],
    askedItems: new Set(),
    askedBothWays: new Set(),
  };
  const cards = sections.flatMap((section) => [
    ...extractExplanations(context, section, aliases),
    ...extractCombined(context, section, aliases),
    ...extractDefinitions(context, section),
    ...extractTables(context, section),
    // A-or-B first: the lists it asks item by item are not asked again as lists.
    ...extractVersus(context, section),
    ...extractLists(context, section),
    ...extractCodeCommands(context, section, aliases),
    ...extractInlineCommands(context, section, aliases),
    ...extractCloze(context, section),
  ]);
  // Lines of the corrected text back to the notes' lines (a correction may add lines).
  const noteLine = (line: number) => corrected.origin[line - 1] ?? line;
  for (const card of cards) card.source.lines = [noteLine(card.source.lines[0]), noteLine(card.source.lines[1])];
  // The same question twice is one card: a typed command asked in two places (kept: the
  // one the notes ask most specifically, see `preference`), or the same prompt twice.
  const questionOf = (card: Card) =>
    card.kind === "typed" && !optionAsked(card.answer)
      ? `typed|${commandSignature(card.answer)}`
      : `${card.kind}|${card.prompt}`;
  const best = new Map<string, Card>();
  for (const card of cards) {
    const question = questionOf(card);
    const other = best.get(question);
    if (!other || preference(card) > preference(other)) best.set(question, card);
  }
  const folded: Record<string, string> = {};
  const seenKeys = new Set<string>();
  const kept = cards
    // What markup can leave empty (a heading of only backticks) asks nothing.
    .filter((card) => card.prompt && card.answer && card.section.every(Boolean))
    .filter((card) => {
      const keptCard = best.get(questionOf(card));
      if (keptCard && keptCard !== card && keptCard.key !== card.key) folded[card.key] = keptCard.key;
      if (seenKeys.has(card.key) || keptCard !== card) return false;
      seenKeys.add(card.key);
      return true;
    })
    .sort((a, b) => a.source.lines[0] - b.source.lines[0]);
  // A term asked as multiple choice or as a plain reverse card (as its siblings allow) is
  // one card: learners keep its history when it changes from one to the other.
  for (const card of kept) {
    const [from, to] = card.kind === "choice" ? ["#choice:", "#reverse:"] : ["#reverse:", "#choice:"];
    if (card.kind === "choice" || card.kind === "reverse") folded[card.key.replace(from, to)] = card.key;
  }
  const typedBefore: Record<string, { answer: string; accepted: string[] }> = {};
  const isKept = new Set<Card>(kept);
  for (const card of cards as NewCard[]) {
    const formers = [...(card.formerKeys ?? []), ...(card.formerTyped ? [card.formerTyped.key] : [])];
    for (const former of formers) if (isKept.has(card)) folded[former] = card.key;
    if (card.formerTyped && isKept.has(card)) {
      const { key, answer, accepted } = card.formerTyped;
      typedBefore[key] = { answer, accepted };
    }
    delete card.formerKeys;
    delete card.formerTyped;
  }
  // What was read but not asked, for the summary of lines with no card.
  const keptByKey = new Map(kept.map((card) => [card.key, card]));
  const skipped = [
    ...context.skipped.map(({ node, reason }) => ({
      lines: [noteLine(node.position?.start.line ?? 1), noteLine(node.position?.end.line ?? 1)] as [number, number],
      reason,
    })),
    ...cards
      .filter((card) => folded[card.key] && !isKept.has(card))
      .map((card) => {
        const keptCard = keptByKey.get(folded[card.key] as string);
        return { lines: card.source.lines, reason: `asked by another card: ${keptCard?.prompt ?? folded[card.key]}` };
      }),
  ];
  for (const [from, to] of Object.entries(corrected.moved)) {
    if (!kept.some((card) => card.key === to))
      throw new NotesError(`a card moved to "${to}", which no card has`, path, 1);
    folded[from] = to;
  }
  return { cards: kept, folded, typedBefore, skipped };
}

// Which command a typed card asks for: its command path and the options it uses
// with their values (`docker volume create` and `docker volume create my_volume` ask the same).
function commandSignature(answer: string): string {
  const reading = readLine(answer);
  const [command] = reading.commands;
  if (!reading.node || !command) return tidy(answer);
  const value = (text?: string) => (text === undefined || /^<[^>]+>$/.test(text) ? "" : `=${text}`);
  return [command, ...reading.options.map((option) => `${option.name}${value(option.value)}`).sort()].join(" ");
}

// Of two cards asking the same command: the one combining commands (the notes' own
// question), then the most general (`docker volume create`, which any name answers, over
// `docker volume create my_volume`), then the first.
function preference(card: Card): number {
  if (card.key.includes("#typed: combines")) return Number.POSITIVE_INFINITY;
  const reading = readLine(card.answer);
  const values = [...reading.args, ...reading.options.flatMap((option) => option.value ?? [])];
  return -values.filter((value) => !/^<[^>]+>$/.test(value)).length;
}
