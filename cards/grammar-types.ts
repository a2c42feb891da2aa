/** One command of a CLI grammar, as the typed-answer grader reads it. */
export type GrammarNode = {
  /** Subcommands by every name they answer to. */
  sub?: Record<string, GrammarNode>;
  /** Options by every spelling: the canonical spelling, and 1 when a value follows. */
  opts?: Record<string, [string, 0 | 1]>;
  /**
   * Positional arguments: how many are required; what may follow them (0 nothing, 1 more
   * of the same, 2 a command with its own options); and their names.
   */
  args?: [number, 0 | 1 | 2, string[]];
  /** An option that is another way to give the first argument (`volume create --name x`). */
  argOption?: string;
  /**
   * Options' defaults written in terms of an argument, as the spec states them
   * (`--file`: `<path>/Dockerfile`): saying the default is the same as not saying it.
   */
  defaults?: Record<string, string>;
};

/** A program's grammar (cards/grammars/<program>.json, made by `npm run cards`). */
export type CommandGrammar = {
  program: string;
  root: GrammarNode;
  /** Command paths that are other spellings of one or more canonical paths. */
  same: Record<string, string[]>;
};
