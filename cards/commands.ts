/** One shell command as the notes give it, cleaned: no prompt, no author's asides, no [optional] parts. */
export function cleanCommand(raw: string): string {
  return raw
    .split("\n")
    .map((line) => line.replace(/[ \t\u3000]+[*＊]\S.*$/, "")) // "--file x \  *Dockerfileの所在"
    .join("\n")
    .replace(/\\[ \t]*\n/g, " ") // line continuations, even with a stray space after the backslash
    .replace(/^\s*\$\s*/, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[ \t\u3000]+/g, " ")
    .trim();
}

/** A Docker subcommand written without `docker` in prose (`image ls`) gets it back. */
export function withDocker(command: string): string {
  return /^(image|container|volume|network|compose|system|builder)\b/.test(command) ? `docker ${command}` : command;
}

export const isDockerCommand = (command: string) => /^docker\s+\S/.test(command);

export type Alias = { long: string; short: string };

/** The words that name a command (`docker container ls`), before its options and arguments. */
export function commandWords(command: string): { words: string; rest: string } {
  const tokens = command.split(" ");
  const end = tokens.findIndex((token, index) => index > 0 && !/^[a-z][a-z-]*$/.test(token));
  const cut = end === -1 ? tokens.length : end;
  return { words: tokens.slice(0, cut).join(" "), rest: tokens.slice(cut).join(" ") };
}

/**
 * Equivalent forms the notes give side by side (`docker container ls` / `docker ps`):
 * two commands with the same options and arguments under different names.
 */
export function aliasOf(a: string, b: string): Alias | null {
  const [x, y] = [commandWords(a), commandWords(b)];
  if (x.rest !== y.rest || x.words === y.words || !isDockerCommand(x.words) || !isDockerCommand(y.words)) return null;
  return x.words.length >= y.words.length ? { long: x.words, short: y.words } : { long: y.words, short: x.words };
}

/** Every equivalent spelling of a command under the known aliases. */
export function equivalents(command: string, aliases: Alias[]): string[] {
  const forms = new Set<string>();
  for (const { long, short } of aliases) {
    for (const [from, to] of [
      [long, short],
      [short, long],
    ] as const) {
      if (command === from || command.startsWith(`${from} `)) forms.add(to + command.slice(from.length));
    }
  }
  forms.delete(command);
  return [...forms];
}
