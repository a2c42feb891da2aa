import { type Context, tidy } from "./card";
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
import { parseMarkdown, repairNotes } from "./markdown";
import { allSections, buildOutline, type Section } from "./outline";
import { phrasingFor } from "./phrasing";
import type { Card } from "./types";

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
): { cards: Card[]; folded: Record<string, string> } {
  const text = repairNotes(applyCorrections(notes, corrections, path));
  const sections = allSections(buildOutline(parseMarkdown(text)));
  const aliases = collectAliases(sections);
  const context: Context = { path, phrasing: phrasingFor(text) };
  const cards = sections.flatMap((section) => [
    ...extractExplanations(context, section, aliases),
    ...extractCombined(context, section, aliases),
    ...extractDefinitions(context, section),
    ...extractTables(context, section),
    ...extractLists(context, section),
    ...extractVersus(context, section),
    ...extractCodeCommands(context, section, aliases),
    ...extractInlineCommands(context, section, aliases),
    ...extractCloze(context, section),
  ]);
  const seenKeys = new Set<string>();
  const keptFor = new Map<string, string>();
  const folded: Record<string, string> = {};
  const kept = cards
    // What markup can leave empty (a heading of only backticks) asks nothing.
    .filter((card) => card.prompt && card.answer && card.section.every(Boolean))
    .filter((card) => {
      // The same question twice (a command shown in two sections) is one card.
      const isCombination = card.key.includes("#typed: combines");
      const question =
        card.kind === "typed" && !isCombination ? `typed|${tidy(card.answer)}` : `${card.kind}|${card.prompt}`;
      const keptKey = keptFor.get(question);
      if (keptKey !== undefined && keptKey !== card.key) folded[card.key] = keptKey;
      if (seenKeys.has(card.key) || keptKey !== undefined) return false;
      seenKeys.add(card.key);
      keptFor.set(question, card.key);
      return true;
    })
    .sort((a, b) => a.source.lines[0] - b.source.lines[0]);
  // A term asked as multiple choice or as a plain reverse card (as its siblings allow) is
  // one card: learners keep its history when it changes from one to the other.
  for (const card of kept) {
    const [from, to] = card.kind === "choice" ? ["#choice:", "#reverse:"] : ["#reverse:", "#choice:"];
    if (card.kind === "choice" || card.kind === "reverse") folded[card.key.replace(from, to)] = card.key;
  }
  return { cards: kept, folded };
}
