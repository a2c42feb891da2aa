import { grammarOverlays } from "./grammar-overlay";
import type { CommandGrammar, GrammarNode } from "./grammar-types";

// A command-line spec as @withfig/autocomplete describes it (only the parts read here).
type FigArg = { name?: string; isOptional?: boolean; isVariadic?: boolean; isCommand?: boolean };
type FigOption = { name: string | string[]; args?: FigArg | FigArg[]; isPersistent?: boolean; description?: string };
type FigSpec = {
  name: string | string[];
  subcommands?: FigSpec[];
  options?: FigOption[];
  args?: FigArg | FigArg[];
};

const names = (name: string | string[]) => [name].flat();
// An argument's name as a placeholder can show it: `container`, `image`, `path`.
const argName = (name: string | undefined, index: number) =>
  /^[a-z][a-z-]*$/i.test(name ?? "") ? (name as string).toLowerCase() : `arg${index + 1}`;
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

// The spelling an option is known by: its long form when it has one.
const canonicalOption = (option: FigOption) =>
  names(option.name).find((name) => name.startsWith("--")) ?? names(option.name)[0] ?? "";

// Command paths another one means (`container list` -> `container ls`), filled while converting.
type Same = Record<string, string[]>;

function convert(spec: FigSpec, inherited: FigOption[], path: string, same: Same): GrammarNode {
  const persistent = [...inherited, ...list(spec.options).filter((option) => option.isPersistent)];
  const options = [...inherited, ...list(spec.options)];
  const node: GrammarNode = {};
  const args = list(spec.args);
  const argNames = args.map((arg, index) => argName(arg.name, index));
  if (options.length > 0) {
    node.opts = {};
    for (const option of options) {
      // An option whose value is optional reads as a flag unless the value is joined with `=`.
      const takesValue = list(option.args).some((arg) => !arg.isOptional) ? 1 : 0;
      for (const name of names(option.name)) node.opts[name] = [canonicalOption(option), takesValue];
      // "Name of the Dockerfile (Default is 'PATH/Dockerfile')": a default in terms of an argument.
      const fallback = /Default is '([^']+)'/.exec(option.description ?? "")?.[1];
      const arg = argNames.find((name) => fallback?.includes(name.toUpperCase()));
      if (fallback && arg)
        node.defaults = {
          ...node.defaults,
          [canonicalOption(option)]: fallback.replace(arg.toUpperCase(), `<${arg}>`),
        };
    }
  }
  if (args.length > 0) {
    const required = args.filter((arg) => !arg.isOptional && !arg.isCommand && !arg.isVariadic).length;
    const rest = args.some((arg) => arg.isCommand) ? 2 : args.some((arg) => arg.isVariadic) ? 1 : 0;
    node.args = [required, rest, argNames];
  }
  const subcommands = list(spec.subcommands);
  if (subcommands.length > 0) {
    node.sub = {};
    for (const sub of subcommands) {
      const [first = "", ...aliases] = names(sub.name);
      const own = `${path} ${first}`.trim();
      const converted = convert(sub, persistent, own, same);
      node.sub[first] = converted;
      for (const alias of aliases) {
        node.sub[alias] = converted;
        same[`${path} ${alias}`.trim()] = [own];
      }
    }
  }
  return node;
}

/** The node a command path (`container ls`) leads to, or undefined. */
export function nodeAt(root: GrammarNode, path: string): GrammarNode | undefined {
  return path
    .split(" ")
    .filter(Boolean)
    .reduce<GrammarNode | undefined>((node, word) => node?.sub?.[word], root);
}

/**
 * A program's grammar for the typed-answer grader: @withfig/autocomplete's maintained spec
 * of its CLI, with the fixes in grammar-overlay.ts (aliases the spec lacks, shorthand
 * commands that mean a longer one, options whose value it forgets).
 */
export async function compileGrammar(program: string): Promise<CommandGrammar> {
  // The package exports only its index; each spec sits beside it in the build folder.
  const specUrl = new URL(`./${program}.js`, import.meta.resolve("@withfig/autocomplete"));
  const spec = (await import(specUrl.href)).default as FigSpec;
  const same: Same = {};
  const root = convert(spec, [], "", same);
  const overlay = grammarOverlays[program];
  for (const [path, aliases] of Object.entries(overlay?.aliases ?? {})) {
    const node = nodeAt(root, path);
    const parentPath = path.split(" ").slice(0, -1).join(" ");
    const parent = nodeAt(root, parentPath);
    if (!node || !parent?.sub) throw new Error(`grammar overlay: no command "${program} ${path}"`);
    for (const alias of aliases) {
      parent.sub[alias] = node;
      same[`${parentPath} ${alias}`.trim()] = [path];
    }
  }
  for (const [path, fixes] of Object.entries(overlay?.options ?? {})) {
    const node = nodeAt(root, path);
    if (!node?.opts) throw new Error(`grammar overlay: no options for "${program} ${path}"`);
    for (const [name, [canonical, takesValue]] of Object.entries(fixes)) node.opts[name] = [canonical, takesValue];
  }
  for (const [path, args] of Object.entries(overlay?.args ?? {})) {
    const node = nodeAt(root, path);
    if (!node) throw new Error(`grammar overlay: no command "${program} ${path}"`);
    node.args = args;
  }
  for (const [path, option] of Object.entries(overlay?.argOptions ?? {})) {
    const node = nodeAt(root, path);
    if (!node?.opts?.[option]) throw new Error(`grammar overlay: no option ${option} for "${program} ${path}"`);
    node.argOption = option;
  }
  // Shorthands: `exec` is `container exec`; `inspect` is any object's inspect.
  for (const [canonical = "", ...others] of overlay?.same ?? []) {
    for (const path of [canonical, ...others]) {
      if (!nodeAt(root, path)) throw new Error(`grammar overlay: no command "${program} ${path}"`);
      const before = path === canonical ? [] : (same[path] ?? []).filter((p) => p !== path);
      same[path] = [...new Set([...before, canonical])];
    }
  }
  // A command's other names share what its spec says of defaults (`build` for `image build`).
  for (const paths of Object.values(groupsOf(same))) {
    const nodes = paths.flatMap((path) => nodeAt(root, path) ?? []);
    const defaults = Object.assign({}, ...nodes.map((node) => node.defaults ?? {}));
    if (Object.keys(defaults).length > 0) for (const node of nodes) node.defaults = defaults;
  }
  return { program, root, same };
}

/** Command paths by the canonical path they mean, the canonical one included. */
function groupsOf(same: Same): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const [path, canonicals] of Object.entries(same)) {
    for (const canonical of canonicals) groups[canonical] = [...new Set([...(groups[canonical] ?? [canonical]), path])];
  }
  return groups;
}
