import type { InlineCode, ListItem } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, makeCard, tidy } from "../card";
import { type Alias, cleanCommand, equivalents, isDockerCommand, withDocker } from "../commands";
import type { Section } from "../outline";
import type { Card } from "../types";

/** "- イメージの一覧は `image ls`": a task and its command, in prose. */
export function extractInlineCommands(context: Context, section: Section, aliases: Alias[]): Card[] {
  const cards: Card[] = [];
  for (const node of section.body) {
    if (node.type !== "list") continue;
    for (const item of node.children as ListItem[]) {
      const paragraph = item.children[0];
      if (paragraph?.type !== "paragraph") continue;
      const [text, code] = paragraph.children;
      if (text?.type !== "text" || code?.type !== "inlineCode" || paragraph.children.length !== 2) continue;
      const task = tidy(text.value).replace(/\s*(は|：|:|is|are)$/i, "");
      const command = withDocker(cleanCommand((code as InlineCode).value));
      if (!task || !isDockerCommand(command)) continue;
      cards.push(
        makeCard(context, section, {
          kind: "typed",
          subject: command,
          prompt: context.phrasing.whichShows(task),
          answer: command,
          accepted: equivalents(command, aliases),
          nodes: [item],
        }),
      );
    }
  }
  return cards.filter((card) => !textOf(section.heading ?? { type: "text", value: "" }).includes(card.answer));
}
