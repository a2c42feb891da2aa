import { describe, expect, it } from "vitest";
import { applyCorrections } from "@/cards/corrections";
import { generateDeckCards } from "@/cards/generate";
import { lintNotes } from "@/cards/lint";
import { NotesError } from "@/cards/types";

describe("corrections", () => {
  const notes = "## A\n- Dcoker runs containers\n- ok";

  it("fix their line only, leaving the notes' other lines as written", () => {
    const fixed = applyCorrections(notes, { "2": [{ find: "Dcoker", replace: "Docker", reason: "typo" }] }, "n.md");
    expect(fixed.text).toBe("## A\n- Docker runs containers\n- ok");
  });

  it("fail loudly, with the line, when the text they fix is gone", () => {
    const stale = { "3": [{ find: "Dcoker", replace: "Docker", reason: "typo" }] };
    expect(() => applyCorrections(notes, stale, "n.md")).toThrow(NotesError);
    expect(() => applyCorrections(notes, stale, "n.md")).toThrow("n.md:3");
  });
});

describe("corrections that add lines", () => {
  const notes = ["## Services", "### ECS / GKE", "ECS and GKE run containers", "", "## Other", "- a: b", "- c: d"].join(
    "\n",
  );
  const split = {
    "2": [
      {
        find: "ECS / GKE",
        replace: "ECS",
        reason: "one each",
        moved: { "Services > ECS / GKE #basic: ecs / gke": "Services > ECS #basic: ecs" },
      },
    ],
    "3": [
      {
        find: "ECS and GKE run containers",
        replace: "AWS runs containers\n### GKE\nGoogle runs containers",
        reason: "one each",
      },
    ],
  };

  it("keep the notes' line numbers for every card, and move a card's history to its new key", () => {
    const { cards, folded } = generateDeckCards(notes, { path: "n.md", corrections: split });
    const at = (key: string) => cards.find((card) => card.key === key)?.source.lines;
    expect(at("Services > ECS #basic: ecs")).toEqual([3, 3]);
    expect(at("Services > GKE #basic: gke")).toEqual([3, 3]);
    expect(at("Other #basic: a")).toEqual([6, 6]);
    expect(folded["Services > ECS / GKE #basic: ecs / gke"]).toBe("Services > ECS #basic: ecs");
  });

  it("fail loudly when a card moves to a key no card has", () => {
    const wrong = {
      ...split,
      "2": [{ find: "ECS / GKE", replace: "ECS", reason: "one each", moved: { old: "Services > Nowhere #basic: x" } }],
    };
    expect(() => generateDeckCards(notes, { path: "n.md", corrections: wrong })).toThrow(/Nowhere/);
  });
});

describe("the notes lint", () => {
  const lines = (text: string) => lintNotes(text).map((f) => `${f.line}: ${f.message}`);

  it.each([
    ["## Empty\n## Next\ntext", "1: empty heading"],
    ["## A\n```\n$ docker ps", "2: code fence is never closed"],
    ["## A\nrun `docker ps to list", "2: unbalanced backticks"],
    ["## A\nPull images with `git pull`", "2: a git command"],
    ["## A\nImages are fetched with git pull and", "2: a git command"],
    ["## A\nDcoker is fast", '2: misspelled name? "Dcoker"'],
    ["## A\n```\n$ docker run nigix\n```", '3: misspelled name? "nigix"'],
    ["## A\nA Saas product", '2: "Saas" is spelled SaaS'],
  ])("%j -> %s", (text, expected) => {
    expect(lines(text).some((line) => line.startsWith(expected))).toBe(true);
  });

  it("finds nothing in clean notes", () => {
    expect(lines("## Docker\nDocker runs containers with `docker run nginx`.\n- YAML files\n- GitHub")).toEqual([]);
  });
});
