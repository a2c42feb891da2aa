import type { List } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, makeCard, textWithCode, tidy } from "../card";
import { type Alias, cleanCommand, equivalents, isDockerCommand, withDocker } from "../commands";
import type { Section } from "../outline";
import type { Card } from "../types";

/**
 * "X: runs the following at once" over a list of commands: which command combines
 * them, and what does it combine.
 */
export function extractCombined(context: Context, section: Section, aliases: Alias[]): Card[] {
  const command = section.path.at(-1) ?? "";
  if (!isDockerCommand(command)) return [];
  const cards: Card[] = [];
  for (const [index, node] of section.body.entries()) {
    const lead = section.body[index - 1];
    if (node.type !== "list" || lead?.type !== "paragraph" || !/一度に|まとめて|at once|in one go/i.test(textOf(lead)))
      continue;
    // Each item: its command (the inline code, or the whole item), shown with what the notes add.
    const items = (node as List).children.map((item) => {
      const code = JSON.stringify(item).match(/"type":"inlineCode","value":"([^"]+)"/)?.[1];
      const part = withDocker(cleanCommand(code ?? textOf(item)));
      const shown = code ? tidy(textWithCode(item)) : `\`${part}\``;
      return { part, shown };
    });
    if (items.length < 2 || !items.every(({ part }) => isDockerCommand(part))) continue;
    cards.push(
      makeCard(context, section, {
        kind: "typed",
        subject: `combines ${command}`,
        prompt: context.phrasing.combines(items.map(({ shown }) => shown)),
        answer: command,
        accepted: equivalents(command, aliases),
        nodes: [lead, node],
      }),
      makeCard(context, section, {
        kind: "basic",
        subject: `parts of ${command}`,
        prompt: context.phrasing.partsOf(command, items.length),
        answer: items.map(({ shown }) => shown).join(" / "),
        nodes: [lead, node],
      }),
    );
  }
  return cards;
}
