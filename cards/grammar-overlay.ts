// Where @withfig/autocomplete's spec of a CLI falls short of the CLI itself, checked
// against the CLI's own reference (`docker <command> --help`, "Aliases:"). Everything
// else the grader knows comes from the spec.
type Overlay = {
  /** Other names a command answers to, which the spec does not list. */
  aliases?: Record<string, string[]>;
  /** Commands that are one command: the first is the canonical path, the others its shorthands. */
  same?: string[][];
  /** Options the spec describes wrongly: spelling -> [canonical spelling, 1 if a value follows]. */
  options?: Record<string, Record<string, [string, 0 | 1]>>;
  /** Positional arguments the spec describes wrongly (see GrammarNode.args). */
  args?: Record<string, [number, 0 | 1 | 2, string[]]>;
  /** Options that give the first argument another way: command path -> option spelling. */
  argOptions?: Record<string, string>;
};

const containerShorthands = [
  "attach",
  "cp",
  "create",
  "diff",
  "exec",
  "export",
  "kill",
  "logs",
  "pause",
  "port",
  "rename",
  "restart",
  "run",
  "start",
  "stats",
  "stop",
  "top",
  "unpause",
  "update",
  "wait",
];
const imageShorthands = ["history", "import", "load", "pull", "push", "save", "tag"];
const buildTag: Record<string, [string, 0 | 1]> = { "-t": ["--tag", 1], "--tag": ["--tag", 1] };

export const grammarOverlays: Record<string, Overlay> = {
  docker: {
    aliases: {
      "container ls": ["list", "ps"],
      "container rm": ["remove"],
      "image ls": ["list"],
      "image rm": ["remove"],
      "volume ls": ["list"],
      "volume rm": ["remove"],
      "network ls": ["list"],
      "network rm": ["remove"],
    },
    same: [
      ["container ls", "container list", "container ps", "ps"],
      ["container rm", "container remove", "rm"],
      ["image ls", "image list", "images"],
      ["image rm", "image remove", "rmi"],
      ["image build", "build", "buildx build", "builder build"],
      ...containerShorthands.map((name) => [`container ${name}`, name]),
      ...imageShorthands.map((name) => [`image ${name}`, name]),
      // `docker inspect` inspects any object by its name or id.
      ...["container", "image", "volume", "network"].map((object) => [`${object} inspect`, "inspect"]),
    ],
    options: {
      build: buildTag,
      "image build": buildTag,
      "buildx build": buildTag,
      // Hidden in `--help`, still read (docker/cli, cli/command/volume/create.go).
      "volume create": { "--name": ["--name", 1] },
    },
    argOptions: { "volume create": "--name" },
    // `run IMAGE [COMMAND] [ARG...]`; `exec CONTAINER COMMAND [ARG...]`.
    args: {
      run: [1, 2, ["image", "command"]],
      "container run": [1, 2, ["image", "command"]],
      create: [1, 2, ["image", "command"]],
      "container create": [1, 2, ["image", "command"]],
      exec: [2, 2, ["container", "command"]],
      "container exec": [2, 2, ["container", "command"]],
      // One container or more.
      ...Object.fromEntries(
        ["stop", "start", "restart", "kill", "pause", "unpause"].flatMap((name) => [
          [name, [1, 1, ["container"]]],
          [`container ${name}`, [1, 1, ["container"]]],
        ]),
      ),
      // Optional: without them, all images; a volume with a generated name.
      images: [0, 0, ["repository"]],
      "image ls": [0, 0, ["repository"]],
      "volume create": [0, 0, ["volume"]],
    },
  },
};
