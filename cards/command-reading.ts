import { parse } from "shell-quote";
import type { CommandGrammar, GrammarNode } from "./grammar-types";

/** A command as its CLI reads it. */
export type CommandReading = {
  /** The canonical command paths it runs (`ps` -> `container ls`; `inspect` -> any object's). */
  commands: string[];
  /** The words that named the command, as written (`docker`, `container`, `run`). */
  path: string[];
  /** Options by canonical spelling, each with its value (undefined for a flag). */
  options: { name: string; value?: string }[];
  args: string[];
  /** The grammar node of the command, when the program is known. */
  node?: GrammarNode;
};

// Placeholders (`<container>`) are no shell redirections: kept apart while parsing.
const [open, close] = ["\uE000", "\uE001"];

/**
 * The words of a command line as a shell splits them (quotes, escapes), up to a pipe or
 * redirection; `$VAR` stays as written.
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  const shielded = command.replace(/<([^<>\s]+)>/g, `${open}$1${close}`);
  for (const entry of parse(shielded, (name) => `$${name}`)) {
    if (typeof entry !== "string") break;
    words.push(entry.replaceAll(open, "<").replaceAll(close, ">"));
  }
  return words;
}

/**
 * Read a command's words against its program's grammar: subcommands and their aliases,
 * options by canonical spelling with their values (`--name=x`, `--name x`, `-it`,
 * `-tmy:tag`), and positional arguments. After the first argument of a command that runs
 * another (`run IMAGE COMMAND…`), everything belongs to that command. A program without
 * a grammar is read word by word.
 */
export function readCommand(words: string[], grammars: Record<string, CommandGrammar>): CommandReading {
  const [program = "", ...rest] = words;
  const grammar = grammars[program];
  if (!grammar) return { commands: [words.join(" ")], path: words, options: [], args: [] };
  let node = grammar.root;
  const path: string[] = [];
  const options: CommandReading["options"] = [];
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] as string;
    const sub = args.length === 0 ? node.sub?.[word] : undefined;
    if (sub) {
      node = sub;
      path.push(word);
    } else if (word === "--") {
      args.push(...rest.slice(i + 1));
      break;
    } else if (word.startsWith("--")) {
      const [name = word, inline] = splitOnce(word, "=");
      const [canonical, takesValue] = node.opts?.[name] ?? [name, 0];
      if (!takesValue && isBoolean(inline)) {
        // `--rm=true` is `--rm`; `--rm=false` leaves it off (flags read as Go's pflag reads them).
        if (inline === "true") options.push({ name: canonical });
        continue;
      }
      options.push({ name: canonical, value: takesValue && inline === undefined ? rest[++i] : inline });
    } else if (/^-\w=/.test(word) && !node.opts?.[word.slice(0, 2)]?.[1] && isBoolean(word.slice(3))) {
      const [canonical] = node.opts?.[word.slice(0, 2)] ?? [word.slice(0, 2)];
      if (word.slice(3) === "true") options.push({ name: canonical });
    } else if (word.startsWith("-") && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const [canonical, takesValue] = node.opts?.[`-${word[j]}`] ?? [`-${word[j]}`, 0];
        if (!takesValue) {
          options.push({ name: canonical });
          continue;
        }
        options.push({ name: canonical, value: word.slice(j + 1) || rest[++i] });
        break;
      }
    } else {
      args.push(word);
      if (node.args?.[1] === 2) {
        args.push(...rest.slice(i + 1));
        break;
      }
    }
  }
  // `volume create --name x` is `volume create x`.
  const named = options.findIndex((option) => option.name === node.argOption && option.value !== undefined);
  if (named !== -1 && args.length === 0) args.push(...options.splice(named, 1).map((option) => option.value ?? ""));
  const own = path.join(" ");
  return { commands: grammar.same[own] ?? [own], path: [program, ...path], options, args, node };
}

const isBoolean = (value: string | undefined) => value === "true" || value === "false";

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
