import type { List, ListItem } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, givesAway, makeCard, tidy } from "../card";
import type { Section } from "../outline";
import type { Card } from "../types";
import { definitionsOf } from "./definitions";
import { cleanLabel } from "./versus";

// The longest list answer asked whole, in characters.
const maxListAnswer = 100;

const has = (node: unknown, type: string) => JSON.stringify(node).includes(`"type":"${type}"`);
const firstLine = (item: ListItem) => tidy(textOf(item.children[0] ?? item).split("\n")[0] ?? "");

/**
 * A list of one aspect of a thing ("コンテナ型の利点", from its heading or a short lead)
 * is asked the way back: "these items: whose advantages?". That has one answer; "name
 * three" has others (any advantage is one), and so has a list of what a thing holds or
 * does (what an image holds, a Dockerfile says too; what Kubernetes does, any
 * orchestrator does), which is not asked. Nor is one whose items name their subject.
 */
function listCards(
  context: Context,
  section: Section,
  input: { subject: string; items: string[]; list: List },
): Card[] {
  const { subject, items, list } = input;
  if (context.askedItems.has(list)) return [];
  const lead = section.body[section.body.indexOf(list) - 1];
  const leadText = lead?.type === "paragraph" ? tidy(textOf(lead)) : "";
  const isLabel = leadText && leadText.length <= 20 && !leadText.includes("。");
  const title = cleanLabel(section.path.at(-1) ?? "");
  const aspect = context.phrasing.aspectOf(isLabel ? sideLabel(context, section, leadText) : title);
  const skip = (reason: string) => {
    context.skipped.push({ node: list, reason });
    return [];
  };
  if (!aspect) return skip("an open list (what a thing holds, does or is like): its items fit other things too");
  if (items.some((item) => givesAway(item, aspect.subject)))
    return skip(`a list whose items name what it is about (${aspect.subject}): nothing to ask back`);
  const prompt = context.phrasing.whoseAspect(items, aspect.aspect);
  return [makeCard(context, section, { kind: "basic", subject, prompt, answer: aspect.subject, nodes: [list] })];
}

/**
 * A statement with its ways below it ("別のコンテナに変更を反映するには、対処が必要:
 * Dockerfile, volumes") is not asked: "name the ways", one of them blanked, and "what are
 * these for" all have other right answers.
 */
function skipWays(context: Context, node: ListItem): void {
  context.skipped.push({ node, reason: "ways under a statement: asked either way, they have other right answers" });
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
    // "- a change must be carried over\n    - Dockerfile\n    - volumes": ways, not asked.
    for (const item of node.children) {
      const sublist = item.children.find((child): child is List => child.type === "list");
      if (sublist && !has(sublist, "strong") && sublist.children.length >= 2) skipWays(context, item);
    }
  }
  return cards;
}
