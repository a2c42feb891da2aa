import { readFileSync } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { failedChecks } from "@/cards/answer-checks";
import { buildDeck } from "@/cards/build";
import { checkAnswers } from "@/cards/check-answers";
import { shippedDecks } from "@/cards/decks";
import { deckSchema } from "@/cards/types";

const deckPath = "cards/decks/docker.json";
const deck = deckSchema.parse(JSON.parse(readFileSync(deckPath, "utf8")));
const typedKey = (answer: RegExp) => deck.cards.find((c) => c.kind === "typed" && answer.test(c.answer))?.key ?? "";

async function run(lines: string[]): Promise<unknown[]> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (chunk) => chunks.push(String(chunk)));
  await checkAnswers(deckPath, Readable.from(lines.map((line) => `${line}\n`)), output);
  return chunks
    .join("")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}

describe("npm run cards -- check-answers", () => {
  it("grades each JSON line as the review page would, in order, and says what it cannot grade", async () => {
    const ls = typedKey(/^docker container ls$/);
    const exec = typedKey(/^docker container exec <container> <command>$/);
    expect(
      await run([
        JSON.stringify({ key: ls, answer: "docker ps" }),
        JSON.stringify({ key: exec, answer: "docker exec web bash" }),
        JSON.stringify({ key: exec, answer: "docker exec web" }),
        JSON.stringify({ key: "no such card", answer: "docker ps" }),
        "not json",
      ]),
    ).toEqual([
      { key: ls, answer: "docker ps", correct: true },
      { key: exec, answer: "docker exec web bash", correct: true },
      { key: exec, answer: "docker exec web", correct: false },
      { key: "no such card", answer: "docker ps", error: "no card has this key" },
      { error: expect.stringContaining("JSON") },
    ]);
  });
});

describe("a card folded into another", () => {
  it("is graded, by its old key, as the card kept", async () => {
    const [old, kept] =
      Object.entries(deck.folded).find(([from]) => /#typed: docker volume create my_volume$/.test(from)) ?? [];
    expect(kept).toMatch(/#typed: docker volume create$/);
    const lines = ["docker volume create my_volume", "docker volume ls"].map((answer) =>
      JSON.stringify({ key: old, answer }),
    );
    expect(await run(lines)).toEqual([
      { key: old, answer: "docker volume create my_volume", correct: true },
      { key: old, answer: "docker volume ls", correct: false },
    ]);
    expect(
      failedChecks(deck, { [old ?? ""]: { accept: ["docker volume create"], refuse: ["docker volume ls"] } }),
    ).toEqual([]);
  });
});

describe("a typed card now asked another way", () => {
  it("still grades typed answers by its key, against the answer it had", async () => {
    const [key] = Object.keys(deck.typedBefore).filter((k) => k.endsWith("#typed: docker container run -it: -i"));
    expect(deck.cards.find((card) => card.key === deck.folded[key ?? ""])?.kind).toBe("basic");
    const lines = ["--interactive", "-t"].map((answer) => JSON.stringify({ key, answer }));
    expect(await run(lines)).toEqual([
      { key, answer: "--interactive", correct: true },
      { key, answer: "-t", correct: false },
    ]);
  });
});

describe("pinned answer checks", () => {
  it("hold for the shipped deck", () => {
    const info = shippedDecks[0];
    expect(buildDeck(info).failedChecks).toEqual([]);
  });

  it("name each check that fails, and each key that is not a typed card", () => {
    const key = deck.cards.find((c) => c.kind === "typed" && c.answer === "docker container ls")?.key ?? "";
    const basic = deck.cards.find((c) => c.kind === "basic")?.key ?? "";
    expect(
      failedChecks(deck, {
        [key]: { accept: ["docker ps", "docker image ls"], refuse: ["docker container list"] },
        [basic]: { accept: [], refuse: [] },
        gone: { accept: [], refuse: [] },
      }),
    ).toEqual([
      `${key}: refuses docker image ls`,
      `${key}: accepts docker container list`,
      `${basic}: the card is basic, not typed`,
      "gone: no card has this key",
    ]);
  });
});
