import type { Code, List, ListItem, Paragraph, RootContent } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, cardKey, givesAway, makeCard, textWithCode, tidy } from "../card";
import { readLine } from "../grading";
import type { Section } from "../outline";
import type { Card } from "../types";
import { commandGroups } from "./code";

type Side = { label: string; list: List; section?: Section };

/** "ボリュームマウント (Volume Mounting):" -> "ボリュームマウント"; "デフォルト(…)だと" -> "デフォルト". */
export function cleanLabel(text: string): string {
  return tidy(text)
    .replace(/\s*[(（][^)）]*[)）]/g, "")
    .replace(/\s*(だと|は、|は|:|：|,)\s*$/, "")
    .replace(/[\u3000\s]+$/, "")
    .trim();
}

const firstList = (nodes: RootContent[]) => nodes.find((node): node is List => node.type === "list");

/** Characters two names share at their start or their end (コンテナ型の利点 / コンテナ型の欠点). */
function sharedAffix(a: string, b: string): number {
  let prefix = 0;
  while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < Math.min(a.length, b.length) && a.at(-1 - suffix) === b.at(-1 - suffix)) suffix++;
  return Math.max(prefix, suffix);
}

/**
 * Subsections that each list properties of one kind of thing, named alike (ボリュームマウント /
 * バインドマウント, ブリッジネットワーク / オーバーレイネットワーク, 利点 / 欠点 of one thing).
 */
function sidesFromSubsections(section: Section): Side[] {
  const sides = section.children.flatMap((child) => {
    const list = child.body[0]?.type === "list" ? firstList(child.body) : undefined;
    return list ? [{ label: cleanLabel(child.path.at(-1) ?? ""), list, section: child }] : [];
  });
  // The sides named alike: each shares two or more characters with another.
  const alike = sides.filter((side) =>
    sides.some((other) => other !== side && sharedAffix(side.label, other.label) >= 2),
  );
  return alike.length >= 2 ? alike : [];
}

/** "ボリュームマウントは…場合に便利であり": a sentence that starts with one side's name. */
function statementsAbout(
  section: Section,
  labels: string[],
): { label: string; statement: string; node: RootContent }[] {
  const found: { label: string; statement: string; node: RootContent }[] = [];
  const bodies = [section.body, ...section.children.map((child) => child.body)].flat();
  for (const node of bodies.filter((n) => n.type === "paragraph")) {
    for (const sentence of textWithCode(node).split(/\n|。/)) {
      const label = labels.find((l) => sentence.trim().startsWith(`${l}は`));
      if (!label) continue;
      const statement = tidy(sentence.trim().slice(label.length + 1))
        .replace(/ています$/, "ている")
        .replace(/(であり|です)$/, "");
      if (statement.length >= 6) found.push({ label, statement, node });
    }
  }
  return found;
}

/** "With the default, 1. 2. 3." then "A user-defined one, 1. 2.": pairs of a lead sentence and a list. */
export function sidesFromLeads(context: Context, section: Section): Side[] {
  const base = cleanLabel(section.path.at(-1) ?? "");
  const sides: Side[] = [];
  section.body.forEach((node, index) => {
    const lead = section.body[index - 1];
    if (node.type !== "list" || lead?.type !== "paragraph") return;
    const label = cleanLabel(textOf(lead as Paragraph));
    sides.push({ label: label.length <= 6 ? context.phrasing.qualified(label, base) : label, list: node });
  });
  return sides;
}

const stem = (label: string) => label.replace(/ー/g, "").replace(/ネットワーク$|マウント$/, "");

/** "A vs B" sections: for each statement, which of the two it describes. */
// Pros against cons: any statement's tone gives its side away (「起動がはやい」 is a pro).
const prosAndCons = /(利点|欠点|メリット|デメリット|長所|短所|pros?|cons?|advantages?|disadvantages?)$/i;

/** "Which side says this?", as multiple choice among the sides (asked before as a plain card). */
function sideCard(
  context: Context,
  section: Section,
  input: { subject: string; statement: string; label: string; labels: string[]; node: RootContent | ListItem },
): Card {
  const { subject, statement, label, labels, node } = input;
  return makeCard(context, section, {
    kind: "choice",
    subject,
    formerKeys: [cardKey(section.path, "basic", subject)],
    prompt: context.phrasing.versus(statement, labels),
    answer: label,
    choices: labels.filter((other) => other !== label),
    nodes: [node],
  });
}

/**
 * The same command shown under each side, written differently (`docker run -v my_volume:…`
 * under volumes, `docker run -v /host/path:…` under bind mounts): which side is this one?
 */
function commandCards(context: Context, section: Section, sides: Side[]): Card[] {
  const labels = sides.map((side) => side.label);
  const shown = sides.flatMap(({ label, section: side }) =>
    (side?.body ?? [])
      .filter((node): node is Code => node.type === "code")
      .flatMap((code) => commandGroups(code).flatMap((group) => group.commands))
      .map((command) => ({ label, command, name: readLine(command).commands[0] ?? command })),
  );
  return shown.flatMap(({ label, command, name }, index) => {
    const elsewhere = shown.some((other) => other.name === name && other.label !== label);
    if (!elsewhere) return [];
    const node = sides.find((side) => side.label === label)?.section?.body.find((n) => n.type === "code");
    return [
      makeCard(context, section, {
        kind: "choice",
        subject: `${label}: command ${index + 1}`,
        prompt: context.phrasing.versusCommand(command, labels),
        answer: label,
        choices: labels.filter((other) => other !== label),
        nodes: node ? [node] : [],
      }),
    ];
  });
}

export function extractVersus(context: Context, section: Section): Card[] {
  const cards: Card[] = [];
  for (const sides of [sidesFromSubsections(section), sidesFromLeads(context, section)]) {
    if (sides.length < 2) continue;
    const labels = sides.map((side) => side.label);
    if (labels.every((label) => prosAndCons.test(label.trim()))) continue;
    cards.push(...commandCards(context, section, sides));
    for (const [index, { label, statement, node }] of statementsAbout(section, labels).entries()) {
      cards.push(
        sideCard(context, section, { subject: `${label}: sentence ${index + 1}`, statement, label, labels, node }),
      );
    }
    for (const { label, list } of sides) {
      context.askedItems.add(list);
      for (const [index, item] of list.children.entries()) {
        const statement = tidy(textWithCode(item.children[0] ?? item).split("\n")[0] ?? "").replace(/。$/, "");
        const mentionsSide = labels.some((l) => givesAway(statement.replace(/ー/g, ""), stem(l)));
        if (mentionsSide) {
          const reason = "a statement that names a side (its own, or the other's as the same): not asked as which side";
          context.skipped.push({ node: item, reason });
        }
        if (statement.length < 6 || mentionsSide) continue;
        // Asked as "which side?": a blank in it would ask it again the other way.
        context.askedBothWays.add(item);
        // By position, so rewording the statement keeps the card.
        const subject = `${label}: item ${index + 1}`;
        cards.push(sideCard(context, section, { subject, statement, label, labels, node: item }));
      }
    }
  }
  return cards;
}
