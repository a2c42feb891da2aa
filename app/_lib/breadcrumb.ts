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
 * The headings of a card's section that may be shown above its question, without their
 * asides in parentheses ("ブリッジネットワーク(default)": a note to self that can lean to
 * an answer): none that names the answer (a command card under the heading `docker
 * container run`), is named in it, or quotes two of its words in a row (`container logs
 * を使う`); above a multiple-choice question, none that names an option either.
 */
export function safeBreadcrumb(section: string[], answers: string[], choices: string[] = []): string[] {
  const given = [...answers, ...choices].map(comparable).filter(Boolean);
  const pairs = answers.flatMap(wordPairs);
  return section
    .map((heading) =>
      heading
        .replace(/\s*[(（][^)）]*[)）]/g, "")
        .replace(/[:：]\s*$/, "")
        .trim(),
    )
    .filter((heading) => {
      const name = comparable(heading);
      const namesAnswer = given.some((answer) => answer.includes(name) || name.includes(answer));
      return name && !namesAnswer && !pairs.some((pair) => name.includes(pair));
    });
}
