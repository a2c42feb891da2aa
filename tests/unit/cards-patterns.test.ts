import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCards, generateDeckCards } from "@/cards/generate";
import { isAcceptedCommand } from "@/cards/grading";
import type { Card } from "@/cards/types";

const fixture = (name: string) => {
  const file = path.join("tests/fixtures/notes", name);
  return generateCards(readFileSync(file, "utf8"), { path: file });
};
const find = (cards: Card[], kind: Card["kind"], prompt: RegExp) =>
  cards.find((c) => c.kind === kind && prompt.test(c.prompt));

describe("definitions (Japanese)", () => {
  const cards = fixture("virtualization.ja.md");

  it("asks what a term is, with its breadcrumb and source line", () => {
    expect(find(cards, "basic", /^ホスト型とは？$/)).toMatchObject({
      answer: "ホスト OS の上でゲスト OS を動かす",
      section: ["仮想化", "仮想化の種類"],
      source: {
        path: "tests/fixtures/notes/virtualization.ja.md",
        headings: ["仮想化", "仮想化の種類"],
        lines: [3, 3],
      },
    });
  });

  it("asks which term is meant, as multiple choice among the two siblings most like it", () => {
    const card = find(cards, "choice", /ホスト OS の上でゲスト OS を動かす/);
    expect(card?.answer).toBe("ホスト型");
    // ハイパーバイザー型 also runs guests "on" something (上, 動): the closest wrong option.
    expect(card?.choices.sort()).toEqual(["コンテナ型", "ハイパーバイザー型"]);
  });

  it("makes no blank in a meaning it asks both ways", () => {
    expect(cards.filter((c) => c.kind === "cloze")).toEqual([]);
  });

  it("turns bold spans into blanks, with no stray space between Japanese characters", () => {
    const notes = ["## 仮想化", "コンテナはホスト OS の\u00a0**カーネル**\u00a0を共有する"].join("\n");
    const [cloze] = generateCards(notes, { path: "notes.md" }).filter((c) => c.kind === "cloze");
    expect(cloze).toMatchObject({ prompt: "コンテナはホスト OS の［　　］を共有する", answer: "カーネル" });
  });

  it("makes no blank whose answer starts with a word the rest shows (ホスト型… ［ ］ for ホスト OS)", () => {
    const notes = [
      "## 仮想化",
      "- ホスト型仮想化は **ホスト OS** にインストールされる",
      "- ハイパーバイザー型仮想化は **ハードウェア** にインストールされる",
    ].join("\n");
    const clozes = generateCards(notes, { path: "notes.md" }).filter((c) => c.kind === "cloze");
    expect(clozes.map((c) => c.answer)).toEqual(["ハードウェア"]);
  });

  it("asks an open list the way back, from its items to whose they are (one answer, not 'name two')", () => {
    expect(find(cards, "basic", /^「起動がはやい」「軽い」は、何の利点？$/)?.answer).toBe("コンテナ型");
    expect(cards.some((card) => /2つ/.test(card.prompt))).toBe(false);
  });
});

describe("commands (English)", () => {
  const cards = fixture("commands.en.md");

  it("answers a described task with the command, accepting the equivalent form beside it", () => {
    expect(find(cards, "typed", /List containers/)).toMatchObject({
      answer: "docker container ls",
      accepted: ["docker ps"],
    });
    expect(find(cards, "typed", /Include stopped containers/)).toMatchObject({
      answer: "docker container ls -a",
      accepted: ["docker ps -a"],
    });
  });

  it("asks which command does several things at once, and what they are", () => {
    // The image it needs, which the notes leave out, is a placeholder.
    expect(find(cards, "typed", /docker image pull.*docker container create.*docker container start/)?.answer).toBe(
      "docker container run <image>",
    );
    expect(find(cards, "basic", /^Which 3 commands does/)?.answer).toBe(
      "`docker image pull` / `docker container create` / `docker container start`",
    );
  });

  it("explains a command heading, and asks the command itself once (the notes' own question kept)", () => {
    expect(find(cards, "basic", /^What does `docker container run` do\?$/)?.answer).toMatch(/starts a container/);
    const typed = cards.filter((c) => c.kind === "typed" && c.answer === "docker container run <image>");
    expect(typed.map((c) => c.prompt)).toEqual([expect.stringMatching(/in one go/)]);
  });

  it("completes a subcommand written in prose with `docker`", () => {
    expect(find(cards, "typed", /list of volumes/)?.answer).toBe("docker volume ls");
  });
});

describe("tables (English)", () => {
  const cards = fixture("dockerfile.en.md");

  it("asks both ways, without the inline examples", () => {
    expect(find(cards, "basic", /what does FROM do/)?.answer).toBe("sets the base image (e.g. `FROM ubuntu:24.04`)");
    expect(find(cards, "choice", /sets the base image/)).toMatchObject({ answer: "FROM", choices: ["RUN", "CMD"] });
  });

  it("gives each choice card its own wrong options, those most like its answer", () => {
    // CMD "sets" as FROM does and runs a "command" as RUN does.
    expect(find(cards, "choice", /sets the default command/)?.choices).toEqual(["FROM", "RUN"]);
    const sets = cards.filter((c) => c.kind === "choice").map((c) => [...c.choices].sort().join(","));
    expect(new Set(sets).size).toBeGreaterThan(1);
  });

  it("makes no reverse card whose answer is in its own question", () => {
    expect(cards.some((c) => c.answer === "RUN" && /runs a command/.test(c.prompt))).toBe(false);
  });
});

describe("A vs B, and what the author meant (Japanese)", () => {
  const cards = fixture("storage.ja.md");

  it("asks which of two kinds a statement describes, from sibling sections", () => {
    expect(find(cards, "choice", /「Dockerが管理する領域に保存される」/)).toMatchObject({
      answer: "ボリュームマウント",
      choices: ["バインドマウント"],
    });
    expect(find(cards, "choice", /「ホストの任意のディレクトリをマウントする」/)?.prompt).toContain(
      "ボリュームマウントとバインドマウントのどちら",
    );
  });

  it("reads lists indented by four spaces as lists, not code", () => {
    // Each item, asked as "which side?" (not again as a list).
    expect(find(cards, "choice", /「ホスト上の変更がすぐ反映される」/)?.answer).toBe("バインドマウント");
    expect(cards.filter((card) => /特徴/.test(card.prompt))).toEqual([]);
  });

  it("separates two lists divided by a line of full-width spaces, each with its lead", () => {
    expect(find(cards, "choice", /「コンテナ間で自動的に DNS 解決を行える」/)?.answer).toBe("ユーザ定義ブリッジ");
    expect(find(cards, "choice", /「コンテナ間の通信は IP アドレスで行う」/)?.answer).toBe("デフォルトのブリッジ");
  });

  it("reads tab-indented prose under a heading as its explanation", () => {
    // Inline code stays code, for the app to show as code.
    expect(find(cards, "basic", /^Docker CLIとは？$/)?.answer).toBe("`docker` コマンドで dockerd に命令を伝えるツール");
  });
});

describe("clozes that stand alone", () => {
  const notes = [
    "# コンテナ",
    "",
    "コンテナは**イメージ**から作られる実行環境である",
    "",
    "それはデフォルト命令か指定命令の**どちらか**で、PID が 1 になる",
    "",
    "また、**メインプロセスが終了したコンテナは自動で停止する**という重要な点を理解できるようになります。",
    "",
    "コンテナは**起動するたびに違うコンテナ**である",
  ].join("\n");

  it("blank a word worth recalling in a sentence that can be read alone", () => {
    const clozes = generateCards(notes, { path: "notes.md" }).filter((card) => card.kind === "cloze");
    expect(clozes.map((card) => [card.prompt, card.answer])).toEqual([
      ["コンテナは［　　］から作られる実行環境である", "イメージ"],
    ]);
  });
});

describe("commands given with options only", () => {
  const notes = [
    "## コンテナを起動",
    "```",
    "コンテナの標準入力に接続し(-i)、疑似ターミナルを割り当てる(-t)",
    "$ docker container run -it",
    "",
    "名前をつける",
    "$ docker container run --name",
    "```",
  ].join("\n");

  it("ask for the option, and each option a description names on its own the other way round", () => {
    const cards = generateCards(notes, { path: "notes.md" });
    const typed = cards.filter((card) => card.kind === "typed");
    expect(typed.map((card) => [card.prompt, card.answer, card.accepted[0]])).toEqual([
      [
        "docker container run で「コンテナの標準入力に接続し、疑似ターミナルを割り当てる」には、どのオプションを使う？",
        "-it",
        "docker container run -it <image>",
      ],
      [
        "docker container run で「名前をつける」には、どのオプションを使う？",
        "--name <name>",
        "docker container run --name <name> <image>",
      ],
    ]);
    // Asked the same way, -i and -t would ask the card above again, half of it.
    const basic = cards.filter((card) => card.kind === "basic");
    expect(basic.map((card) => [card.prompt, card.answer])).toEqual([
      ["`docker container run` の `-i` は何をする？", "コンテナの標準入力に接続する"],
      ["`docker container run` の `-t` は何をする？", "疑似ターミナルを割り当てる"],
    ]);
  });
});

describe("sides that are pros and cons", () => {
  it("ask no 'which side' question, which any statement's tone would answer", () => {
    const notes = [
      "# 仮想化",
      "",
      "コンテナ型の利点",
      "- 起動がはやい",
      "- 軽い",
      "",
      "コンテナ型の欠点",
      "- 違う OS 向けのコンテナは動かない",
    ].join("\n");
    const cards = generateCards(notes, { path: "notes.md" });
    expect(cards.filter((card) => /のどちら？$/.test(card.prompt))).toEqual([]);
    expect(cards.length).toBeGreaterThan(0);
  });
});

describe("lists of long statements", () => {
  it("are not asked whole", () => {
    const long = "データはホストディレクトリと直接同期されるため、ホスト上の変更が即座にコンテナに反映される";
    const notes = [
      "# マウント",
      "",
      "バインドマウントの特徴",
      `- ${long}`,
      `- ${long}。その上で`,
      `- ${long}。さらに`,
    ].join("\n");
    const cards = generateCards(notes, { path: "notes.md" });
    expect(cards.filter((card) => /」という特徴をもつのは？/.test(card.prompt))).toEqual([]);
    const short = ["# マウント", "", "バインドマウントの特徴", "- 速い", "- 軽い"].join("\n");
    expect(generateCards(short, { path: "notes.md" }).find((card) => /速い/.test(card.prompt))).toMatchObject({
      prompt: "「速い」「軽い」は、何の特徴？",
      answer: "バインドマウント",
    });
  });
});

describe("a table's inline examples", () => {
  it("are shown with the row's cards: the line with its term blanked, and in the answer", () => {
    const notes = [
      "## Dockerfile",
      "|命令|効果 `example`|",
      "|---|---|",
      "|`FROM`|ベースイメージを指定する `FROM ubuntu:20.04`|",
      "|`RUN`|コマンドを実行する|",
      "|`CMD`|デフォルト命令を指定する|",
    ].join("\n");
    const { cards, folded } = generateDeckCards(notes, { path: "notes.md" });
    expect(find(cards, "basic", /FROM は何をする/)?.answer).toBe("ベースイメージを指定する（例：`FROM ubuntu:20.04`）");
    expect(find(cards, "choice", /ベースイメージ/)?.prompt).toBe(
      "Dockerfileで「ベースイメージを指定する」のはどれ？（`［　　］ ubuntu:20.04`）",
    );
    // Typed out before, it asked the same as the choice: its learners keep their history there.
    expect(cards.filter((card) => card.kind === "typed")).toEqual([]);
    expect(folded["Dockerfile #typed: example: from ubuntu:20.04"]).toBe("Dockerfile #choice: from");
  });

  it("are graded, typed as lines of a file, with the instruction in any case and the rest as written", () => {
    const grade = (answer: string) => isAcceptedCommand(answer, ["FROM ubuntu:20.04"]);
    expect(["from ubuntu:20.04", "From  ubuntu:20.04"].map(grade)).toEqual([true, true]);
    expect(["FROM Ubuntu:20.04", "FROM ubuntu"].map(grade)).toEqual([false, false]);
  });
});

describe("the names a command uses", () => {
  it("are given in its question, except those its task already says", () => {
    const notes = [
      "## マウント",
      "```",
      "# ボリューム data をコンテナの /data にマウント",
      "$ docker run -v data:/data node",
      "```",
    ].join("\n");
    const [card] = generateCards(notes, { path: "notes.md" }).filter((c) => c.kind === "typed");
    expect(card?.prompt).toBe("「ボリューム data をコンテナの /data にマウント」に使うコマンドは？（node）");
  });
});

describe("ways listed under a statement", () => {
  it("are not asked: 'name them', one blanked, or 'what are they for' all have other right answers", () => {
    const notes = [
      "## コンテナの仕様",
      "- 別のコンテナに変更を反映するには、なんらかの対処が必要",
      "    - Dockerfile",
      "    - ボリュームやバインドマウント",
    ].join("\n");
    const { cards, skipped } = generateDeckCards(notes, { path: "notes.md" });
    expect(cards).toEqual([]);
    expect(skipped).toEqual([{ lines: [2, 4], reason: expect.stringContaining("other right answers") }]);
  });
});

describe("commands run at once", () => {
  it("are asked by their inline code, shown with what the notes add to each", () => {
    const notes = [
      "## 基本",
      "### docker container run",
      "下記のコマンドを一度に実行するコマンド。",
      "- `docker image pull`（イメージが手元にないときだけ）",
      "- `docker container create`",
    ].join("\n");
    const cards = generateCards(notes, { path: "notes.md" });
    expect(find(cards, "typed", /一度に/)).toMatchObject({
      prompt:
        "`docker image pull`（イメージが手元にないときだけ）・`docker container create` を一度に実行するコマンドは？",
      answer: "docker container run <image>",
    });
  });
});
