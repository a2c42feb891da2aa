import { describe, expect, it } from "vitest";
import { applyCorrections } from "@/cards/corrections";
import { lintNotes } from "@/cards/lint";
import { NotesError } from "@/cards/types";

describe("corrections", () => {
  const notes = "## A\n- Dcoker runs containers\n- ok";

  it("fix their line only, leaving the notes' other lines as written", () => {
    const fixed = applyCorrections(notes, { "2": [{ find: "Dcoker", replace: "Docker", reason: "typo" }] }, "n.md");
    expect(fixed).toBe("## A\n- Docker runs containers\n- ok");
  });

  it("fail loudly, with the line, when the text they fix is gone", () => {
    const stale = { "3": [{ find: "Dcoker", replace: "Docker", reason: "typo" }] };
    expect(() => applyCorrections(notes, stale, "n.md")).toThrow(NotesError);
    expect(() => applyCorrections(notes, stale, "n.md")).toThrow("n.md:3");
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
