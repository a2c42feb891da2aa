import type { Code, RootContent } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import type { Node } from "unist";
import { type Context, cardKey, givesAway, makeCard } from "../card";
import { type Alias, cleanCommand, equivalents, isDockerCommand } from "../commands";
import { completeCommand, optionAsked, readLine, withoutExamples } from "../grading";
import type { Section } from "../outline";
import type { Card } from "../types";

/** A part of a command the notes annotate on its own line (`--file x \\ *Dockerfileの所在`). */
export type AnnotatedPart = { part: string; note: string };
export type CommandGroup = { description: string | undefined; commands: string[]; code: Code; parts: AnnotatedPart[] };

const annotation = /[ \t\u3000]+[*＊](\S.*)$/;

/** The annotated parts of a command written over several lines. */
function annotatedParts(raw: string): AnnotatedPart[] {
  return raw.split("\n").flatMap((line) => {
    const note = annotation.exec(line)?.[1]?.trim();
    const part = line
      .replace(annotation, "")
      .replace(/\\\s*$/, "")
      .replace(/^\s*\$\s*/, "")
      .trim();
    return note && part ? [{ part, note }] : [];
  });
}

/**
 * A code block as the notes write it: a comment line (or `# comment`) describes the
 * `$ ` commands under it, until a blank line; commands side by side are equivalents.
 */
export function commandGroups(code: Code): CommandGroup[] {
  const groups: CommandGroup[] = [];
  let description: string | undefined;
  let current: CommandGroup | undefined;
  const lines = code.value.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? "").trim();
    if (!line) {
      description = undefined;
      current = undefined;
    } else if (line.startsWith("$")) {
      let raw = line;
      while (/\\\s*(?:[*＊]\S.*)?$/.test(raw) && index + 1 < lines.length) raw += `\n${lines[++index]}`;
      const command = cleanCommand(raw);
      if (!current) {
        current = { description, commands: [], code, parts: [] };
        groups.push(current);
      }
      current.commands.push(command);
      current.parts.push(...annotatedParts(raw));
    } else {
      description = line.replace(/^#\s*/, "").replace(/^例\)\s*/, "");
      current = undefined;
    }
  }
  return groups;
}

// "(-i)" after a phrase names the option: the answer, so it leaves the question.
const withoutOptionHints = (text: string) => text.replace(/\s*[(（]-{1,2}[\w-]+[)）]/g, "");

/** The phrases of a description that each name their option: "接続し(-i)、割り当てる(-t)". */
function optionParts(description: string): { task: string; option: string }[] {
  const parts = [...description.matchAll(/([^(（]+?)\s*[(（](-{1,2}[\w-]+)[)）]/g)].map((match) => ({
    // A verb cut short before the next phrase ("接続し") is said whole ("接続する").
    task: (match[1] ?? "")
      .replace(/^[、,\s]+/, "")
      .trim()
      .replace(/し$/, "する"),
    option: match[2] ?? "",
  }));
  return parts.length >= 2 ? parts : [];
}

/**
 * When the heading names the command itself ("container logs を使う"), the sentence
 * before the code says what it does ("`container logs` は…を表示します").
 */
function describedBy(section: Section, code: Code, command: string): { text: string; node: RootContent } | undefined {
  const title = section.path.at(-1) ?? "";
  const words = command.split(" ").slice(1, 3).join(" ");
  if (!title.includes(words)) return undefined;
  const before = section.body.slice(0, section.body.indexOf(code)).reverse();
  const paragraph = before.find((node) => node.type === "paragraph");
  if (!paragraph) return undefined;
  const text = textOf(paragraph)
    .replace(new RegExp(`^\\s*${words}\\s*は\\s*`), "")
    .replace(/します。?$/, "する");
  return text.includes(words) ? undefined : { text, node: paragraph };
}

// A long command asked by its purpose alone could not be answered: give its values,
// so what is asked is the options and their order ("（my-ubuntu:date、docker/date）").
function valuesHint(context: Context, command: string): string {
  const values = command.split(" ").filter((token, index) => index > 2 && !token.startsWith("-"));
  return values.length >= 2 ? context.phrasing.values(values) : "";
}

// The names a command uses (`my_volume`, `/host/path`) are part of its answer: the
// question shows those its task does not already say, so a learner can type them.
function namesHint(context: Context, command: string, task: string): string {
  const reading = readLine(completeCommand(command));
  const values = [
    ...reading.options.flatMap((option) => (option.value === undefined ? [] : [option.value])),
    ...reading.args,
  ].filter((value) => !/^<[^>]+>$/.test(value));
  // A value the task already says, whole or part by part (`my_volume`, `/path`), is not repeated.
  const unsaid = values.filter((value) => !value.split(/[:,=]/).every((part) => !part || task.includes(part)));
  return unsaid.length > 0 ? context.phrasing.values(unsaid) : "";
}

/**
 * What the notes say about each part of a command: an option as "which option does
 * this?", an argument as "what is this argument?".
 */
function partCards(context: Context, section: Section, answer: string, parts: AnnotatedPart[], nodes: Node[]): Card[] {
  const command = readLine(answer).path.join(" ");
  return parts.map(({ part, note }) => {
    const [word = ""] = part.split(/\s+/);
    if (!word.startsWith("-")) {
      const prompt = context.phrasing.argumentOf(answer, part);
      return makeCard(context, section, { kind: "basic", subject: `${answer}: ${part}`, prompt, answer: note, nodes });
    }
    const option = optionAsked(`${command} ${word}`) ?? word;
    return makeCard(context, section, {
      kind: "typed",
      subject: `${answer}: ${word}`,
      prompt: context.phrasing.whichOption(note, command),
      answer: option,
      accepted: [`${command} ${word}`],
      nodes,
    });
  });
}

/** Commands in code blocks become typed cards: the described task, answered by the command. */
export function extractCodeCommands(context: Context, section: Section, aliases: Alias[]): Card[] {
  const title = section.path.at(-1) ?? "";
  const parent = section.path.at(-2);
  const cards: Card[] = [];
  for (const code of section.body.filter((node): node is Code => node.type === "code")) {
    for (const group of commandGroups(code)) {
      const docker = group.commands.filter(isDockerCommand);
      const [answer, ...same] = docker;
      if (!answer) continue;
      const described = group.description ? undefined : describedBy(section, code, answer);
      const task = withoutOptionHints(group.description ?? described?.text ?? title);
      // A heading like "実行コマンド" says nothing alone: its parent says what for.
      const prompt =
        !group.description && /コマンド$|commands?$/i.test(title) && parent
          ? `${context.phrasing.commandOf(parent, title)}${valuesHint(context, answer)}`
          : `${context.phrasing.whichCommand(task)}${namesHint(context, answer, task)}`;
      if (givesAway(prompt, answer)) continue;
      // The names it shows are examples: a learner's own are as right (of the same kind);
      // not where the notes explain its values one by one (the build context of a tree).
      const general = group.parts.length === 0 ? withoutExamples(answer) : null;
      const accepted = [
        ...same,
        ...docker.flatMap((command) => equivalents(command, aliases)),
        ...(general ? [general] : []),
      ];
      const nodes = described ? [described.node, code] : [code];
      // `docker container run -d`, with no image: the notes are about the option, so the card asks for it.
      const option = optionAsked(answer);
      if (option) {
        const command = readLine(answer).path.join(" ");
        const asked = { prompt: context.phrasing.whichOption(task, command), answer: option };
        const whole = [answer, ...accepted];
        cards.push(makeCard(context, section, { kind: "typed", subject: answer, ...asked, accepted: whole, nodes }));
        // "…に接続し(-i)、…を割り当てる(-t)": each option on its own as well, the other way
        // round (what does -i do?): the way above is the card for the two together.
        for (const part of optionParts(group.description ?? "")) {
          cards.push(
            makeCard(context, section, {
              kind: "basic",
              subject: `${answer}: ${part.option}`,
              formerTyped: {
                key: cardKey(section.path, "typed", `${answer}: ${part.option}`),
                answer: part.option,
                accepted: [`${command} ${part.option}`, ...equivalents(`${command} ${part.option}`, aliases)],
              },
              prompt: context.phrasing.optionDoes(command, part.option),
              answer: part.task,
              nodes,
            }),
          );
        }
        continue;
      }
      cards.push(makeCard(context, section, { kind: "typed", subject: answer, prompt, answer, accepted, nodes }));
      cards.push(...partCards(context, section, answer, group.parts, nodes));
    }
  }
  return cards;
}
