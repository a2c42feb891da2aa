import type { Paragraph } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, givesAway, makeCard, mask, textWithCode, tidy } from "../card";
import { type Alias, equivalents, isDockerCommand } from "../commands";
import type { Section } from "../outline";
import type { Card } from "../types";
import { cleanLabel } from "./versus";

/**
 * The first sentences of a paragraph, as an answer. A line break ends a sentence too,
 * unless the next line goes on with hiragana ("…イメージを`docker pull`\nしたり").
 */
function sentences(paragraph: Paragraph, count = 2): string {
  const text = tidy(
    textWithCode(paragraph)
      .replace(/([.!?])\n/g, "$1 ")
      .replace(/([^。、.!?！？\n])\n(?![\u3040-\u309f])/g, "$1。")
      .replace(/\n/g, ""),
  );
  const parts = text.split(/(?<=。|\.\s)/).filter((part) => part.trim() && !/下記|following/i.test(part));
  return parts.slice(0, count).join("").replace(/。$/, "");
}

// A heading that names a thing: Latin words (Docker Hub, ECS / GKE, docker image build)
// or a katakana noun (コンテナ), not a task ("一覧を確認する") or a phrase ("Dockerのネットワーク").
const namesATerm = (heading: string) => !/[\u3040-\u309f]/.test(heading);

/** The explanation without its subject repeated in front ("`container run` イメージから…"). */
function withoutSubject(text: string, term: string): string {
  const subjects = [term, term.replace(/^docker /, ""), ...term.split(/\s*\/\s*/)].filter(Boolean);
  const unquoted = text.startsWith("`") ? text.slice(1) : text;
  for (const subject of subjects) {
    if (unquoted.slice(0, subject.length).toLowerCase() !== subject.toLowerCase()) continue;
    const rest = unquoted.slice(subject.length).replace(/^`/, "");
    const separator = /^(\s*(は|：|:)[\s、,]*|\s+)/.exec(rest);
    if (separator) return rest.slice(separator[0].length);
  }
  return text;
}

/**
 * A heading that names a term or a command, followed by its explanation: "what is X"
 * and, with X blanked out of the explanation, "which is X".
 */
export function extractExplanations(context: Context, section: Section, aliases: Alias[]): Card[] {
  const term = tidy(section.path.at(-1) ?? "");
  const first = section.body[0];
  if (!term || first?.type !== "paragraph" || !namesATerm(term)) return [];
  // A short lead-in to a list ("デフォルトだと") is not an explanation.
  const lead = tidy(textOf(first));
  if (section.body[1]?.type === "list" && lead.length <= 20 && cleanLabel(lead) !== lead) return [];
  const isCommand = isDockerCommand(term);
  const explanation = withoutSubject(sentences(first), term)
    .replace(/^(.+?)のこと$/, "$1")
    .replace(/コマンド$/, "");
  if (explanation.length < 6) return [];
  const cards: Card[] = [];
  const basicPrompt = isCommand ? context.phrasing.whatDoes(term) : context.phrasing.whatIs(term);
  cards.push(
    makeCard(context, section, {
      kind: "basic",
      subject: term,
      prompt: basicPrompt,
      answer: explanation,
      nodes: [first],
    }),
  );

  const clue = term.split(/\s*\/\s*/).reduce((text, part) => mask(text, part), mask(explanation, term));
  const firstClue = (clue.split(/。|\.\s/)[0] ?? clue).trim().replace(/\.$/, "");
  // Skip when the clue names the answer or needs it blanked out ("〇〇コマンドで…": a riddle,
  // and the answer's own words), is mostly blanks, or spells out an acronym ("Amazon ECS ( 〇〇 )").
  const isThin = firstClue.replace(/〇〇/g, "").trim().length < 6 || firstClue.includes("〇〇");
  if (givesAway(firstClue, term) || isThin) return cards;
  cards.push(
    isCommand
      ? makeCard(context, section, {
          kind: "typed",
          subject: term,
          prompt: context.phrasing.whichCommand(firstClue),
          answer: term,
          accepted: equivalents(term, aliases),
          nodes: [first],
        })
      : makeCard(context, section, {
          kind: "reverse",
          subject: term,
          prompt: context.phrasing.whichTerm(firstClue),
          answer: term,
          nodes: [first],
        }),
  );
  return cards;
}
