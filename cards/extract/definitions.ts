import type { List, ListItem } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, givesAway, makeCard, mask, reverseCard, tidy } from "../card";
import type { Section } from "../outline";
import type { Card } from "../types";

export type Definition = { term: string; meaning: string; item: ListItem };

const definitionPattern = /^([^：:。]{1,40})[：:]\s*(.+)$/s;

/** List items written "term: meaning" (or with a full-width colon). */
export function definitionsOf(list: List): Definition[] {
  return list.children.flatMap((item) => {
    const match = definitionPattern.exec(tidy(textOf(item)));
    if (!match?.[1] || !match[2]) return [];
    return [{ term: match[1].trim(), meaning: match[2].trim(), item }];
  });
}

/**
 * "term: meaning" items become "what is X" and "which term is Y" cards; with enough
 * siblings, the reverse card is multiple choice among them.
 */
export function extractDefinitions(context: Context, section: Section): Card[] {
  const cards: Card[] = [];
  for (const node of section.body) {
    if (node.type !== "list") continue;
    const definitions = definitionsOf(node);
    if (definitions.length < 2 || definitions.length < node.children.length) continue;
    // Asked here both ways: a blank in a meaning would ask the same again.
    context.askedItems.add(node);
    context.askedBothWays.add(node);
    for (const { term, meaning, item } of definitions) {
      cards.push(
        makeCard(context, section, {
          kind: "basic",
          subject: term,
          prompt: context.phrasing.whatIs(term),
          answer: meaning,
          nodes: [item],
        }),
      );
      const description = mask(meaning, term);
      if (givesAway(description, term)) continue;
      const others = definitions.filter((d) => d.term !== term);
      const group = section.path.at(-1) ?? "";
      const prompt = context.phrasing.whichOfGroup(description, group);
      cards.push(
        reverseCard(context, section, { subject: term, prompt, answer: term, nodes: [item] }, meaning, others),
      );
    }
  }
  return cards;
}
