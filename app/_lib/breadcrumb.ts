const comparable = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s`*<>]/g, "");

// Two words in a row of a command answer (`container logs`), placeholders aside.
const wordPairs = (answer: string) => {
  const words = answer
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word && !/^<.*>$/.test(word));
  return words.slice(1).map((word, index) => comparable(`${words[index]}${word}`));
};

/**
 * The headings of a card's section that may be shown above its question: none that names
 * the answer (a command card under the heading `docker container run`), is named in it,
 * or quotes two of its words in a row (`container logs を使う`). Above a multiple-choice
 * question, none that names an option either, and no heading's aside in parentheses
 * ("ブリッジネットワーク(default)" above "default or user-defined?" would answer it).
 */
export function safeBreadcrumb(section: string[], answers: string[], choices: string[] = []): string[] {
  const given = answers.map(comparable).filter(Boolean);
  const options = choices.map(comparable).filter(Boolean);
  const pairs = answers.flatMap(wordPairs);
  return section
    .filter((heading) => {
      const name = comparable(heading);
      const namesAnswer = [...given, ...options].some((answer) => answer.includes(name) || name.includes(answer));
      return !namesAnswer && !pairs.some((pair) => name.includes(pair));
    })
    .map((heading) => (choices.length > 0 ? heading.replace(/\s*[(（][^)）]*[)）]/g, "").trim() : heading))
    .filter(Boolean);
}
