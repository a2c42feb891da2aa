import type { List, Paragraph, RootContent } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, givesAway, makeCard, tidy } from "../card";
import type { Section } from "../outline";
import type { Card } from "../types";

type Side = { label: string; list: List };

/** "ボリュームマウント (Volume Mounting):" -> "ボリュームマウント"; "デフォルト(…)だと" -> "デフォルト". */
export function cleanLabel(text: string): string {
  return tidy(text)
    .replace(/\s*[(（][^)）]*[)）]/g, "")
    .replace(/\s*(だと|は、|は|:|：|,)\s*$/, "")
    .replace(/[\u3000\s]+$/, "")
    .trim();
}

const firstList = (nodes: RootContent[]) => nodes.find((node): node is List => node.type === "list");

const sharedSuffix = (labels: string[]) => {
  let length = 0;
  if (labels.length < 2) return 0;
  while (labels.every((label) => label.length > length && label.at(-1 - length) === labels[0]?.at(-1 - length)))
    length++;
  return length;
};

/**
 * Subsections that each list properties of one kind of thing, named alike (ボリュームマウント /
 * バインドマウント, ブリッジネットワーク / オーバーレイネットワーク).
 */
function sidesFromSubsections(section: Section): Side[] {
  const sides = section.children.flatMap((child) => {
    const list = child.body[0]?.type === "list" ? firstList(child.body) : undefined;
    return list ? [{ label: cleanLabel(child.path.at(-1) ?? ""), list }] : [];
  });
  const isAlike = sides.length === section.children.length && sharedSuffix(sides.map((side) => side.label)) >= 2;
  return isAlike ? sides : [];
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
export function extractVersus(context: Context, section: Section): Card[] {
  const cards: Card[] = [];
  for (const sides of [sidesFromSubsections(section), sidesFromLeads(context, section)]) {
    if (sides.length < 2) continue;
    const labels = sides.map((side) => side.label);
    for (const { label, list } of sides) {
      for (const item of list.children) {
        const statement = tidy(textOf(item.children[0] ?? item).split("\n")[0] ?? "").replace(/。$/, "");
        const mentionsSide = labels.some((l) => givesAway(statement.replace(/ー/g, ""), stem(l)));
        if (statement.length < 6 || mentionsSide) continue;
        cards.push(
          makeCard(context, section, {
            kind: "basic",
            subject: `${label}: ${statement.slice(0, 40)}`,
            prompt: context.phrasing.versus(statement, labels),
            answer: label,
            nodes: [item],
          }),
        );
      }
    }
  }
  return cards;
}
