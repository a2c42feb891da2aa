import { describe, expect, it } from "vitest";
import { checkTypedAnswer, normalizeTyped } from "@/app/_lib/answer-check";

describe("typed commands", () => {
  it.each([
    ["docker container run -it", ["docker run -it"], "docker run -it", "the short alias the notes give"],
    ["docker container run -it", ["docker run -it"], "docker container run -i -t", "combined short options split"],
    ["docker container run -it", ["docker run -it"], "docker container run --interactive --tty", "long options"],
    ["docker container run -it", ["docker run -it"], "docker container run -ti", "options in another order"],
    ["docker container ls -a", ["docker ps -a"], "docker ps --all", "alias and long option together"],
    ["docker container ls", ["docker ps"], "$ docker ps", "a leading shell prompt"],
    ["docker container ls", ["docker ps"], "  docker   container  ls ", "extra spaces"],
    ["docker container ls", ["docker ps"], "ｄｏｃｋｅｒ　ｐｓ", "full-width characters and space from an IME"],
    [
      "docker container run -it",
      ["docker run -it"],
      "ｄｏｃｋｅｒ　ｒｕｎ　ーｉｔ",
      "the IME's long vowel mark for a dash",
    ],
    ["docker container ls -a", ["docker ps -a"], "docker ps −−all", "minus signs for dashes"],
    ["docker container stop <container>", [], "docker container stop web", "a placeholder filled in"],
    ["docker container stop <container>", [], "docker container stop", "a placeholder left out"],
    [
      "docker image build --tag my-ubuntu:date --file docker/date/Dockerfile docker/date",
      [],
      "docker image build -f docker/date/Dockerfile -t my-ubuntu:date docker/date",
      "options with values, reordered and shortened",
    ],
    [
      "docker run -v my_volume:/data my_image",
      ["docker container run -v my_volume:/data my_image"],
      "docker container run --volume my_volume:/data my_image",
      "a long option with its value",
    ],
  ])("%s accepts %j typed as %j (%s)", (answer, accepted, typed) => {
    expect(checkTypedAnswer(typed, answer, accepted)).toMatchObject({ isCorrect: true, suggestedGrade: 3 });
  });

  it.each([
    ["docker container run -it", "docker container run -i", "a missing option"],
    ["docker container ls -a", "docker container ls", "the option that was asked for"],
    ["docker container ls", "docker image ls", "another command"],
    ["docker container stop <container>", "docker container stop a b", "two arguments for one placeholder"],
    ["docker run -v my_volume:/data my_image", "docker run -v /other:/data my_image", "another value"],
  ])("%s refuses %j (%s)", (answer, typed) => {
    expect(checkTypedAnswer(typed, answer)).toMatchObject({ isCorrect: false, suggestedGrade: 1 });
  });

  it("shows a token-by-token diff against the closest right answer", () => {
    const result = checkTypedAnswer("docker ps -l", "docker container ls -a", ["docker ps -a"]);
    expect(result.closest).toBe("docker ps -a");
    expect(result.diff.map(({ token, status }) => ({ token, status }))).toEqual([
      { token: "docker", status: "same" },
      { token: "ps", status: "same" },
      { token: "-a", status: "missing" },
      { token: "-l", status: "extra" },
    ]);
  });

  it("normalizes what an IME types", () => {
    expect(normalizeTyped("＄　docker　ps　－a")).toBe("docker ps -a");
  });
});
