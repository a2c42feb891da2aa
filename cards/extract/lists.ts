import type { List, ListItem } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, cardKey, givesAway, makeCard, tidy } from "../card";
import type { Section } from "../outline";
import type { Card } from "../types";
import { definitionsOf } from "./definitions";
import { cleanLabel } from "./versus";

// The longest list answer asked whole, in characters.
const maxListAnswer = 100;

const has = (node: unknown, type: string) => JSON.stringify(node).includes(`"type":"${type}"`);
const firstLine = (item: ListItem) => tidy(textOf(item.children[0] ?? item).split("\n")[0] ?? "");

/**
 * Whose list this is: a heading or lead that names what the items are about ("コンテナ型の
 * 利点", "イメージには下記のような情報が含まれている", "Kubernetes … などできる"), asked from
 * the items back to it. Undefined when the notes do not say.
 */
function whoseList(
  context: Context,
  section: Section,
  list: List,
  items: string[],
): { prompt: string; answer: string } | undefined {
  const { phrasing } = context;
  const title = cleanLabel(section.path.at(-1) ?? "");
  const lead = section.body[section.body.indexOf(list) - 1];
  const leadText = lead?.type === "paragraph" ? tidy(textOf(lead)).split("。").filter(Boolean).at(-1) : undefined;
  const announced = leadText ? phrasing.announcedBy(leadText) : undefined;
  if (announced) return { prompt: phrasing.whoHas(items, announced.what), answer: announced.subject };
  // "- a\n- b\nなどできる": the closing words say what the items are.
  const closing = textOf(list.children.at(-1) ?? list)
    .split("\n")
    .slice(1)
    .join("");
  if (/^など.*できる/.test(closing.trim())) return { prompt: phrasing.whoCan(items), answer: title };
  // Otherwise the items are statements about one thing, named by a short lead or the heading.
  const isLabel = leadText && leadText.length <= 20 && !tidy(textOf(lead ?? list)).includes("。");
  const subject = isLabel ? sideLabel(context, section, leadText) : title;
  const aspect = phrasing.aspectOf(subject);
  if (aspect) return { prompt: phrasing.whoseAspect(items, aspect.aspect), answer: aspect.subject };
  return subject ? { prompt: phrasing.whoseTraits(items), answer: subject } : undefined;
}

/**
 * A list of things about one subject (advantages, what an image holds, what Kubernetes
 * does) is no closed set: "name three" and "which one is missing" have other right
 * answers. What has one answer is the way back: these items, whose are they? Not asked
 * when an item names the answer.
 */
function listCards(
  context: Context,
  section: Section,
  input: { subject: string; items: string[]; list: List },
): Card[] {
  const { subject, items, list } = input;
  if (context.askedItems.has(list)) return [];
  const asked = whoseList(context, section, list, items);
  if (!asked || items.some((item) => givesAway(item, asked.answer))) {
    const reason = asked
      ? `an open list whose items name what it is about (${asked.answer}): nothing to ask back`
      : "an open list the notes do not say whose it is";
    context.skipped.push({ node: list, reason });
    return [];
  }
  return [makeCard(context, section, { kind: "basic", subject, ...asked, nodes: [list] })];
}

/**
 * A statement with its ways below it ("a change must be carried over: Dockerfile, volumes"):
 * each way blanked in turn, the others shown (overlapping clozes).
 */
function waysCards(
  context: Context,
  section: Section,
  input: { subject: string; head: string; items: string[]; node: ListItem },
): Card[] {
  const { subject, head, items, node } = input;
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
      cards.push(...listCards(context, section, { subject: `list ${++enumeration}`, items, list: node }));
      continue;
    }
    // "- a change must be carried over\n    - Dockerfile\n    - volumes": ask for the examples.
    for (const item of node.children) {
      const sublist = item.children.find((child): child is List => child.type === "list");
      if (!sublist || has(sublist, "strong") || sublist.children.length < 2) continue;
      const statement = firstLine(item).replace(/。$/, "");
      const items = sublist.children.map(firstLine);
      const head = context.phrasing.nameWays(statement, items.length);
      cards.push(...waysCards(context, section, { subject: `list: ${statement}`, head, items, node: item }));
    }
  }
  return cards;
}
