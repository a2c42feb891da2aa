import type { Paragraph, PhrasingContent, RootContent } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { type Context, givesAway, makeCard, textWithCode, tidy, tidyText } from "../card";
import type { Section } from "../outline";
import type { Card } from "../types";
import { cleanLabel } from "./versus";

function paragraphsOf(nodes: RootContent[], skip: Set<unknown>): Paragraph[] {
  const found: Paragraph[] = [];
  for (const node of nodes) {
    if (node.type === "paragraph") found.push(node);
    if (node.type === "list" && !skip.has(node))
      for (const item of node.children) if (!skip.has(item)) found.push(...paragraphsOf(item.children, skip));
  }
  return found;
}

function withBlank(children: PhrasingContent[], target: PhrasingContent, blank: string): string {
  return children.map((child) => (child === target ? blank : textWithCode(child))).join("");
}

// A sentence that leans on the one before (「それは…」「また、…」) cannot be read alone.
const leansOnContext = /^(それ|これ|あれ|その|この|また、|さらに、|つまり、|It |This |That |Also,)/;
// Kana alone (「どちらか」) is a function word, not something to recall.
const onlyKana = /^[\p{Script=Hiragana}ー]+$/u;

/**
 * Whether a cloze can be answered from its own words: it does not refer back, its blank
 * is a word worth recalling, and the blank leaves most of the sentence to go on.
 */
function standsAlone(sentence: string, prompt: string, blank: string, answer: string): boolean {
  if (leansOnContext.test(sentence) || onlyKana.test(answer)) return false;
  return answer.length <= (tidyText(prompt).length - blank.length) * 1.4;
}

// The first word of a Japanese answer ("ホスト" of "ホスト OS": katakana up to a space or a
// change of script); a command's first word (`docker`) names no answer.
const leadWord = (answer: string) => answer.match(/^(\p{Script=Katakana}|ー)+(?=\s|[A-Za-z0-9])/u)?.[0] ?? answer;

/** Whether the rest of a cloze names the start of its answer ("ホスト型仮想化：［ ］に…" for ホスト OS). */
function hintedBy(rest: string, answer: string): boolean {
  const word = leadWord(answer);
  return word.length >= 2 && word !== answer && rest.includes(word);
}

/** Bold spans are what the author wanted remembered: each becomes a blank to fill. */
export function extractCloze(context: Context, section: Section): Card[] {
  const cards: Card[] = [];
  // Not in a "term: meaning" list or a "which side?" statement, which are asked both ways.
  for (const paragraph of paragraphsOf(section.body, context.askedBothWays)) {
    const strongs = paragraph.children.filter((child) => child.type === "strong");
    for (const strong of strongs) {
      const answer = tidy(textWithCode(strong));
      const blank = context.phrasing.blank;
      const sentence = tidy(withBlank(paragraph.children, strong, blank));
      // A blank first has no subject to go on: say which section it is about.
      const prompt = sentence.startsWith(blank) ? `${cleanLabel(section.path.at(-1) ?? "")}：${sentence}` : sentence;
      // A blank that is the whole sentence, or whose answer is written next to it, teaches nothing.
      const rest = prompt.replace(blank, "");
      const why = !answer
        ? undefined
        : rest.trim().length < 4 || !standsAlone(sentence, prompt, blank, answer)
          ? "a bold span that is most of its sentence, or a sentence that leans on the one before: no blank to ask"
          : givesAway(rest, answer) || hintedBy(rest, answer)
            ? `a bold span the rest of its sentence gives away (${answer})`
            : null;
      if (why !== null) {
        if (why) context.skipped.push({ node: paragraph, reason: why });
        continue;
      }
      const subject = tidy(textOf(strong));
      cards.push(makeCard(context, section, { kind: "cloze", subject, prompt, answer, nodes: [paragraph] }));
    }
  }
  return cards;
}
