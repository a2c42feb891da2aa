import type { List, ListItem } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, cardKey, makeCard, tidy } from "../card";
import type { Section } from "../outline";
import type { Card } from "../types";
import { definitionsOf } from "./definitions";
import { cleanLabel } from "./versus";

// The longest list answer asked whole, in characters.
const maxListAnswer = 100;

const has = (node: unknown, type: string) => JSON.stringify(node).includes(`"type":"${type}"`);
const firstLine = (item: ListItem) => tidy(textOf(item.children[0] ?? item).split("\n")[0] ?? "");

/** What a list's items are (its head), from the sentence that announces it or the heading over it. */
function question(context: Context, section: Section, list: List, count: number): string {
  const { phrasing } = context;
  const title = section.path.at(-1) ?? "";
  const lead = section.body[section.body.indexOf(list) - 1];
  const leadText = lead?.type === "paragraph" ? tidy(textOf(lead)).split("。").filter(Boolean).at(-1) : undefined;
  const announced = leadText ? phrasing.theFollowing(leadText, count) : undefined;
  if (announced) return announced;
  // "- a\n- b\nなどできる": the closing words say what the items are.
  const closing = textOf(list.children.at(-1) ?? list)
    .split("\n")
    .slice(1)
    .join("");
  if (/^など.*できる/.test(closing.trim())) return phrasing.nameAbilities(title, count);
  if (/利点|欠点|種類|メリット|デメリット|advantages|drawbacks|disadvantages|kinds|types/i.test(title)) {
    return phrasing.nameKinds(title, count);
  }
  // Otherwise the items are statements about one thing: ask for its characteristics.
  const isLabel = leadText && leadText.length <= 20 && !tidy(textOf(lead ?? list)).includes("。");
  const subject = isLabel ? sideLabel(context, section, leadText) : cleanLabel(title);
  return phrasing.nameTraits(subject, count);
}

/**
 * A list is asked item by item, the others shown (overlapping clozes): "name three" has
 * many right answers, "which is the one missing here" has one. A list of one item is
 * asked as what it is.
 */
function listCards(
  context: Context,
  section: Section,
  input: { subject: string; head: string; items: string[]; node: List | ListItem },
): Card[] {
  const { subject, head, items, node } = input;
  const title = cleanLabel(section.path.at(-1) ?? "");
  const [only] = items;
  if (items.length === 1 && only) {
    const prompt = context.phrasing.theOne(title);
    return [makeCard(context, section, { kind: "basic", subject, prompt, answer: only, nodes: [node] })];
  }
  return items.map((answer, index) =>
    makeCard(context, section, {
      kind: "cloze",
      // By position, so rewording an item keeps the card; the list asked whole before is its first item.
      subject: `${subject}: ${index + 1}`,
      formerKeys: index === 0 ? [cardKey(section.path, "basic", subject)] : [],
      prompt: context.phrasing.listCloze(
        head,
        items.map((item, at) => (at === index ? context.phrasing.blank : item)),
      ),
      answer,
      nodes: [node],
    }),
  );
}

function sideLabel(context: Context, section: Section, lead: string): string {
  const label = cleanLabel(lead);
  return label.length <= 6 ? context.phrasing.qualified(label, cleanLabel(section.path.at(-1) ?? "")) : label;
}

/** A heading over a plain list ("advantages of X"), and a statement over a sub-list: name the items. */
export function extractLists(context: Context, section: Section): Card[] {
  const title = section.path.at(-1);
  if (!title) return [];
  const cards: Card[] = [];
  let enumeration = 0;
  for (const node of section.body) {
    if (node.type !== "list") continue;
    // "- イメージの一覧は `image ls`" items are commands, asked one by one elsewhere.
    const isCommandList = node.children.every((item) => {
      const paragraph = item.children[0];
      return paragraph?.type === "paragraph" && paragraph.children.at(-1)?.type === "inlineCode";
    });
    const isEnumeration = definitionsOf(node).length === 0 && !isCommandList && !has(node, "strong");
    if (isEnumeration && node.children.every((item) => !has(item.children.slice(1), "list"))) {
      const items = node.children.map(firstLine);
      // Sentences, not words: no one recalls them whole (where the notes contrast two
      // such lists, each statement is asked on its own as "which side?").
      if (items.join(" / ").length > maxListAnswer) continue;
      const head = question(context, section, node, items.length);
      cards.push(...listCards(context, section, { subject: `list ${++enumeration}`, head, items, node }));
      continue;
    }
    // "- a change must be carried over\n    - Dockerfile\n    - volumes": ask for the examples.
    for (const item of node.children) {
      const sublist = item.children.find((child): child is List => child.type === "list");
      if (!sublist || has(sublist, "strong") || sublist.children.length < 2) continue;
      const statement = firstLine(item).replace(/。$/, "");
      const items = sublist.children.map(firstLine);
      const head = context.phrasing.nameWays(statement, items.length);
      cards.push(...listCards(context, section, { subject: `list: ${statement}`, head, items, node: item }));
    }
  }
  return cards;
}
