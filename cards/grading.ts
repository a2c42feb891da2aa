import { LRUCache } from "lru-cache";
import { type CommandReading, readCommand, shellWords } from "./command-reading";
import { isHostPath, withMounts } from "./docker-mounts";
import { grammars } from "./grammars";

const placeholder = /^<[^<>\s]+>$/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A placeholder for a named object takes a name as Docker allows one (no path, no spaces);
// any other (`<image>`, `<path>`, `<command>`) takes any text.
const objectName = "[A-Za-z0-9][A-Za-z0-9_.-]*";
const isObjectPlaceholder = (part: string) => /^<(volume|container|network|name)>$/.test(part);

/** Whether a value fits an expected one, where each `<placeholder>` stands for what it names. */
// A relative path the same with or without `./`, a directory with or without its last `/`.
const samePath = (value: string) => value.replace(/(^|[=:,])\.\/(?=\S)/g, "$1").replace(/(?<=[^/])\/$/, "");

function fits(expected: string | undefined, given: string | undefined): boolean {
  if (expected === undefined || given === undefined) return expected === given;
  if (samePath(expected) !== expected || samePath(given) !== given) return fits(samePath(expected), samePath(given));
  const pattern = expected
    .split(/(<[^<>\s]+>)/)
    .map((part) => (isObjectPlaceholder(part) ? objectName : placeholder.test(part) ? ".+" : escapeRegExp(part)))
    .join("");
  return new RegExp(`^${pattern}$`, "s").test(given);
}

/**
 * Whether a typed command does what an expected one does: the same command under any of
 * its names; every option the expected one has, in any spelling and order, with its value
 * (a placeholder takes any; `-v` and `--mount` are one option); each argument it names, in place (a placeholder takes any
 * one); the arguments the command requires; extra options; extra arguments only where the
 * command takes more.
 */
export function sameCommand(expected: CommandReading, given: CommandReading, optionsOnly = false): boolean {
  if (!expected.commands.some((command) => given.commands.includes(command))) return false;
  if (!given.node && !optionsOnly) return fits(expected.args.join(" "), given.args.join(" "));
  const [required = 0, more = 0, names = []] = given.node?.args ?? [];
  const typedOptions = withMounts(given.options);
  // An option the answer gives its default value (`--file <path>/Dockerfile`) may be left out.
  const [, , argNames = []] = expected.node?.args ?? [];
  const byDefault = ({ name, value }: { name: string; value?: string }) => {
    const fallback = expected.node?.defaults?.[name] ?? given.node?.defaults?.[name];
    if (!fallback || value === undefined || given.options.some((typed) => typed.name === name)) return false;
    const filled = argNames.reduce(
      (text, arg, index) => text.replace(`<${arg}>`, expected.args[index] ?? `<${arg}>`),
      fallback,
    );
    return samePath(filled) === samePath(value);
  };
  const optionsFit = withMounts(expected.options).every(
    (option) =>
      byDefault(option) || typedOptions.some((typed) => typed.name === option.name && fits(option.value, typed.value)),
  );
  if (optionsOnly) return optionsFit;
  // The command a container runs, by name or by its path there (`bash` = `/bin/bash`).
  const asProgram = (arg: string | undefined, index: number) =>
    names[index] === "command" && arg?.startsWith("/") ? arg.split("/").at(-1) : arg;
  const argsFit = expected.args.every(
    (arg, index) => fits(arg, given.args[index]) || fits(arg, asProgram(given.args[index], index)),
  );
  const countFits =
    given.args.length >= Math.max(required, expected.args.length) &&
    (more > 0 || given.args.length <= Math.max(names.length, expected.args.length));
  return optionsFit && argsFit && countFits;
}

// A card's command is read many times while its cards are made (about six times each
// in the shipped notes); the reading of a line never changes, and no reader changes it.
const readings = new LRUCache<string, CommandReading>({ max: 5000 });

/** Read a command line (a typed answer, or a card's) with the grammar of its program. */
export function readLine(line: string): CommandReading {
  const known = readings.get(line);
  if (known) return known;
  const reading = readCommand(shellWords(line), grammars);
  readings.set(line, reading);
  return reading;
}

const isOptionAnswer = (answer: string) => answer.trim().startsWith("-");
// A line of no known CLI is a Dockerfile line: its instruction is read in any case
// (Dockerfile reference: "The instruction is not case-sensitive").
// Its arguments in the exec form (`["bash", "-c"]`) are JSON: read as JSON, spacing aside.
const asWritten = (line: string) => {
  const [instruction = "", ...rest] = line.trim().replace(/\s+/g, " ").split(" ");
  const args = rest.join(" ");
  return `${instruction.toUpperCase()} ${execForm(args) ?? args}`.trim();
};
function execForm(args: string): string | null {
  if (!args.startsWith("[")) return null;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? JSON.stringify(parsed) : null;
  } catch {
    return null;
  }
}

// Words a command's usage line writes for "put yours here" (`docker network create name`).
const genericWords = new Set(["name", "command", "path", "file", "value"]);

/**
 * Whether a typed command is right for a card whose answer and accepted forms are given.
 * A card that asks for an option has the option as its answer (`-d`) beside the whole
 * command (`docker container run -d <image>`): the option alone, in any spelling, is
 * right, and so is a whole command with it.
 */
export function isAcceptedCommand(typed: string, answers: string[]): boolean {
  const context = answers.find((answer) => !isOptionAnswer(answer));
  const commandPath = context ? readLine(context).path.join(" ") : "";
  if (isOptionAnswer(typed) && commandPath) {
    const given = readLine(`${commandPath} ${typed}`);
    // The option asked, and no other: `-it` is no answer to "which option attaches stdin?".
    const sameOptions = (answer: string) => {
      const expected = readLine(`${commandPath} ${answer}`);
      const names = (reading: CommandReading) => [...new Set(reading.options.map((option) => option.name))].sort();
      return names(expected).join(" ") === names(given).join(" ") && sameCommand(expected, given, true);
    };
    // "Which option?" is answered by the option: its value may be left out where the card
    // has a placeholder (`--name` for `--name <name>`), not where it names one.
    const valueLeftOut = (answer: string) =>
      answer.replace(/\s+<[^<>\s]+>/g, "") !== answer && sameOptions(answer.replace(/\s+<[^<>\s]+>/g, ""));
    return given.args.length === 0 && answers.filter(isOptionAnswer).some((a) => sameOptions(a) || valueLeftOut(a));
  }
  const given = readLine(typed);
  // A line of no known CLI (a Dockerfile line) is compared as written, spaces aside:
  // shell quoting means nothing there (`CMD ["bash"]` is JSON, `CMD [bash]` is not).
  if (!given.node) return answers.some((answer) => fits(asWritten(answer), asWritten(typed)));
  return answers.filter((answer) => !isOptionAnswer(answer)).some((answer) => sameCommand(readLine(answer), given));
}

/**
 * The option a card's command is about, when the notes give the command with options but
 * without the arguments it requires (`docker container run -d`): `-d`; a value it needs
 * becomes a placeholder (`--name <name>`). Null for a command given whole.
 */
export function optionAsked(line: string): string | null {
  const reading = readLine(line);
  const required = reading.node?.args?.[0] ?? 0;
  if (reading.args.length > 0 || reading.options.length === 0 || required === 0) return null;
  const completed = shellWords(completeCommand(line));
  return completed.slice(reading.path.length, completed.length - required).join(" ");
}

/**
 * A command with its example names as placeholders of what they name (`docker run -v
 * my_volume:/data my_image` -> `docker run -v <volume>:<path> <image>`): the names a card
 * shows are examples, and a learner's own are as right. What a name is keeps its kind: a
 * volume's stays a name (a path would bind-mount instead), a host path stays a path, and
 * the command a container runs (`bash`) is no example. Null when there is nothing to replace.
 */
export function withoutExamples(line: string): string | null {
  const reading = readLine(line);
  if (!reading.node) return null;
  const [, , names = []] = reading.node.args ?? [];
  const named = (value: string, name: string) => (placeholder.test(value) ? value : `<${name}>`);
  const mount = (value: string) => {
    const [source = "", target = "", ...rest] = value.split(":");
    if (!target) return value;
    const kind = isHostPath(source) ? "host-path" : "volume";
    return [named(source, kind), named(target, "path"), ...rest].join(":");
  };
  // Each example as written -> its placeholder, then the line word by word in its own spelling.
  const examples = new Map<string, string>();
  for (const { name, value } of reading.options) {
    if (value !== undefined)
      examples.set(value, name === "--volume" ? mount(value) : named(value, name.replace(/^-+/, "")));
  }
  reading.args.forEach((arg, index) => {
    const name = names[index];
    if (name && name !== "command") examples.set(arg, named(arg, name));
  });
  const words = shellWords(line);
  const general = words.map((word) => examples.get(word) ?? word).join(" ");
  return general === words.join(" ") ? null : general;
}

/**
 * A card's command as a learner should be able to answer it: each required argument it
 * leaves out becomes a placeholder (`docker container run -d` -> `… -d <image>`), and an
 * argument written as the CLI's own name for it (`command`, `name`) becomes one too.
 */
export function completeCommand(line: string): string {
  const reading = readLine(line);
  if (!reading.node) return line;
  const [required = 0, , names = []] = reading.node.args ?? [];
  const words = shellWords(line);
  const firstArg = words.length - reading.args.length;
  const args = reading.args.map((arg, index) => (arg === names[index] || genericWords.has(arg) ? `<${arg}>` : arg));
  // An option at the end that needs a value it lacks (`--name`) gets one first.
  const last = reading.options.at(-1);
  const lacksValue =
    reading.args.length === 0 && last && last.value === undefined && reading.node.opts?.[last.name]?.[1] === 1;
  const value = lacksValue ? [`<${last.name.replace(/^-+/, "")}>`] : [];
  const missing = names.slice(args.length, required).map((name) => `<${name}>`);
  return [...words.slice(0, firstArg), ...value, ...args, ...missing].join(" ");
}
