import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDeck } from "@/cards/build";
import { isDockerCommand } from "@/cards/commands";
import { applyCorrections, correctionsSchema } from "@/cards/corrections";
import { shippedDecks } from "@/cards/decks";
import { commandGroups } from "@/cards/extract/code";
import { generateCards } from "@/cards/generate";
import { completeCommand } from "@/cards/grading";
import { compileGrammar } from "@/cards/grammar";
import { grammarPrograms, grammars } from "@/cards/grammars";
import { lintNotes } from "@/cards/lint";
import { parseMarkdown, repairNotes } from "@/cards/markdown";
import { allSections, buildOutline } from "@/cards/outline";
import { deckSchema } from "@/cards/types";

const info = shippedDecks[0];
const notesPath = info.source;
const notes = readFileSync(notesPath, "utf8");
const corrections = correctionsSchema.parse(
  JSON.parse(readFileSync("cards/notes/docker-notes.corrections.json", "utf8")),
);
const corrected = applyCorrections(notes, corrections, notesPath).text;
const committed = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
const { cards } = committed;
const allText = (card: (typeof cards)[number]) =>
  [card.prompt, card.answer, ...card.accepted, ...card.choices].join("\n");

describe("the committed Docker deck", () => {
  it("is what the generator makes from the notes today (run `npm run cards` after editing them)", () => {
    expect(committed).toEqual(buildDeck(info).deck);
  });

  it("has the user's example card: which command combines pull, create and start", () => {
    const card = cards.find(
      (c) => c.kind === "typed" && /docker image pull.*docker container create.*docker container start/.test(c.prompt),
    );
    expect(card).toMatchObject({ answer: "docker container run <image>", accepted: ["docker run <image>"] });
  });

  it("asks every Docker command in the code blocks as a typed card", () => {
    const typedAnswers = new Set(cards.filter((c) => c.kind === "typed").flatMap((c) => [c.answer, ...c.accepted]));
    const tree = parseMarkdown(repairNotes(corrected));
    const commands = allSections(buildOutline(tree)).flatMap((section) =>
      section.body.flatMap((node) => (node.type === "code" ? commandGroups(node).flatMap((g) => g.commands) : [])),
    );
    const dockerCommands = commands.filter(isDockerCommand);
    expect(dockerCommands.length).toBeGreaterThan(25);
    // As a learner must type it: with a placeholder for each argument the command requires;
    // or folded into the card that asks it more generally (`docker volume create`, any name).
    const folded = Object.keys(committed.folded);
    const unasked = dockerCommands.filter((command) => !typedAnswers.has(completeCommand(command)));
    expect(unasked.filter((command) => !folded.some((key) => key.endsWith(`#typed: ${command}`)))).toEqual([]);
    expect(unasked).toEqual(["docker volume create app_data"]);
  });

  it("gives every multiple-choice card two wrong options (one: the other side of an A-or-B), none right", () => {
    for (const card of cards.filter((c) => c.kind === "choice")) {
      expect(card.choices.length, card.prompt).toBe(/のどちら？$/.test(card.prompt) ? 1 : 2);
      expect(new Set(card.choices).size).toBe(card.choices.length);
      for (const choice of card.choices) expect([card.answer, ...card.accepted]).not.toContain(choice);
    }
  });

  // Without cards: two sections whose command a card of 基本のコマンド asks, an open list, a
  // side asked from its parent section, a directory tree, and a link.
  it("gets cards from every section with content, except folded commands, a tree and a link", () => {
    const sections = allSections(buildOutline(parseMarkdown(repairNotes(corrected))));
    const bare = sections
      .filter((s) => s.body.length > 0)
      .filter((s) => !cards.some((c) => c.section.join("/") === s.path.join("/")));
    // Kubernetes: an open list (what it does fits any orchestrator). Two command sections
    // ask the same as a card of 基本のコマンド, once their commands are complete.
    expect(bare.map((s) => s.path.join(" > "))).toEqual([
      "Kubernetes",
      "コマンド > コンテナの起動",
      "コマンド > イメージをビルドする",
      "Dockerfileを複数扱うには > 想定するディレクトリ構成",
      "RUNをいくつのレイヤーにするか",
      "Dockerのネットワーク > オーバーレイネットワーク",
    ]);
  });

  it("has unique keys and no question that gives its answer away", () => {
    expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
    // Discrimination cards name both options in the question by design.
    const isDiscrimination = (prompt: string) => /のどちら？$/.test(prompt);
    for (const card of cards.filter((c) => c.kind !== "cloze" && !isDiscrimination(c.prompt))) {
      expect(card.prompt.replace(/[\s`]/g, "").toLowerCase(), card.key).not.toContain(
        card.answer.replace(/[\s`]/g, "").toLowerCase(),
      );
    }
  });

  it("asks each thing on its own, in plain questions: no 〇〇 riddle, no quotation nested in the same brackets", () => {
    for (const card of cards) {
      expect(card.prompt, card.key).not.toContain("〇〇");
      expect(card.prompt, card.key).not.toMatch(/「[^」]*「/);
      // One service per card: "ECS / GKE" asked two things.
      expect(card.prompt, card.key).not.toMatch(/\S \/ \S+とは/);
    }
    expect(cards.filter((c) => c.kind === "typed" && c.answer === "docker container run <image>")).toHaveLength(1);
    expect(cards.filter((c) => c.kind === "typed" && /^docker volume create/.test(c.answer))).toHaveLength(1);
  });

  it("covers the facts an exam asks: -v's two meanings, --tag, --file, the build context, --detach", () => {
    const choice = (command: RegExp) => cards.find((c) => c.kind === "choice" && command.test(c.prompt));
    // Told by the form alone: the notes' example names (my_volume, /host/path) said it (corrections).
    expect(choice(/^`docker run -v app_data:/)?.answer).toBe("ボリュームマウント");
    expect(choice(/^`docker run -v \.\/src:/)?.answer).toBe("バインドマウント");
    const option = (task: RegExp) => cards.find((c) => c.kind === "typed" && task.test(c.prompt))?.answer;
    expect(option(/docker image build で「イメージに名前とタグをつける」/)).toBe("--tag <tag>");
    expect(option(/docker image build で「使う Dockerfile を指定する」/)).toBe("--file <file>");
    expect(cards.find((c) => /の引数 `docker\/date` は/.test(c.prompt))?.answer).toMatch(/^ビルドコンテキスト/);
    expect(cards.find((c) => c.kind === "cloze" && /-d` の長い形は［/.test(c.prompt))?.answer).toBe("`--detach`");
    const does = (option: string) => cards.find((c) => c.prompt.includes(`の \`${option}\` は何をする？`))?.answer;
    expect([does("-i"), does("-t")]).toEqual(["コンテナの標準入力に接続する", "疑似ターミナルを割り当てる"]);
  });

  it("teaches none of the notes' mistakes", () => {
    const text = cards.map(allText).join("\n");
    for (const wrong of [
      "git pull",
      "git push",
      "Dcoker",
      "nigix",
      "ubunts",
      "uunts",
      "Namespase",
      "イメジ",
      "お集め",
      "実態",
      "Saas",
      "Github",
      "Yaml",
      "アーキテクチャを表示",
      "データは保持されない",
      "全てのコンテナ間をリンク",
      "Docker CLIを複数まとめて",
      "Dcoker Engineが入っている",
      "デバック",
      "コンテナに命令を送る",
    ]) {
      expect(text, wrong).not.toContain(wrong);
    }
    const inspect = cards.filter((c) => /inspect/.test(c.answer));
    expect(inspect.map((c) => c.prompt).every((prompt) => prompt.includes("詳細"))).toBe(true);
  });

  it("has no misspelled name in any card", () => {
    const findings = cards.flatMap((card) =>
      lintNotes(allText(card)).filter((f) => /misspelled|spelled|git command/.test(f.message)),
    );
    expect(findings).toEqual([]);
  });

  it("leaves nothing for the lint in the corrected notes but the empty Docker Engine heading", () => {
    expect(lintNotes(corrected)).toEqual([{ line: 13, message: "empty heading: nothing under it" }]);
  });

  it("keeps every key when a note is reworded", () => {
    const reworded = notes
      .replace("複数のレイヤーからなる情報", "複数のレイヤーでできた情報")
      .replace("- 起動がはやい", "- 起動がとても速い");
    expect(reworded).not.toBe(notes);
    const keys = (text: string) =>
      generateCards(text, { path: notesPath, corrections })
        .map((c) => c.key)
        .sort();
    expect(keys(reworded)).toEqual(keys(notes));
  });
});

describe("the committed CLI grammars", () => {
  it("are what @withfig/autocomplete's specs and the overlay make today (run `npm run cards`)", async () => {
    for (const program of grammarPrograms) {
      expect(grammars[program], program).toEqual(JSON.parse(JSON.stringify(await compileGrammar(program))));
    }
  });
});
