import { describe, expect, it } from "vitest";
import { checkTypedAnswer, normalizeTyped } from "@/app/_lib/answer-check";

describe("typed commands, read with the CLI's grammar", () => {
  it.each([
    ["docker container run -it <image>", [], "docker run -it ubuntu", "the shorthand command, any image"],
    ["docker container run -it <image>", [], "docker container run -i -t ubuntu", "combined short options split"],
    ["docker container run -it <image>", [], "docker run --interactive --tty ubuntu bash", "long options, a command"],
    ["docker container run -it <image>", [], "docker run -ti ubuntu", "options in another order"],
    [
      "docker container run -it <image>",
      [],
      "ｄｏｃｋｅｒ　ｒｕｎ　ーｉｔ　ｕｂｕｎｔｕ",
      "the IME's long vowel mark for a dash",
    ],
    ["docker container run --name <name> <image>", [], "docker run --name web nginx", "any name and image"],
    ["docker container run --name <name> <image>", [], "docker run --name=web -d nginx", "`=`, and an extra option"],
    ["docker container ls -a", [], "docker ps --all", "alias and long option together"],
    ["docker container ls", [], "docker container list", "an alias the notes never give"],
    ["docker container ls", [], "$ docker ps", "a leading shell prompt"],
    ["docker container ls", [], "  docker   container  ls ", "extra spaces"],
    ["docker container ls", [], "ｄｏｃｋｅｒ　ｐｓ", "full-width characters and space from an IME"],
    ["docker container ls -a", [], "docker ps −−all", "minus signs for dashes"],
    ["docker container exec <container> <command>", [], "docker exec web ls", "the shorthand of exec"],
    ["docker image build <path>", [], "docker build .", "build as everyone types it"],
    ["docker image build <path>", [], "docker buildx build .", "buildx"],
    ["docker image ls", [], "docker images", "images"],
    ["docker image ls", [], "docker image list", "list"],
    ["docker container logs <container>", [], "docker logs web", "logs"],
    ["docker image history <image>", [], "docker history ubuntu", "history"],
    ["docker container inspect <container>", [], "docker inspect web", "inspect, which reads any object"],
    ["docker volume ls", [], "docker volume list", "volume list"],
    ["docker network ls", [], "docker network list", "network list"],
    ["docker container stop <container>", [], "docker container stop web", "a placeholder filled in"],
    [
      "docker image build --tag my-ubuntu:date --file docker/date/Dockerfile docker/date",
      [],
      "docker build -f docker/date/Dockerfile -t my-ubuntu:date docker/date",
      "options with values, reordered and shortened",
    ],
    [
      "docker run -v my_volume:/data my_image",
      [],
      "docker container run --volume=my_volume:/data my_image",
      "a long option with its value",
    ],
    ["docker run -v <volume>:/data <image>", [], "docker run -v cache:/data node", "placeholders inside a value"],
    ["docker container stop <container>", [], "docker stop web db", "several containers"],
    [
      "docker image build --file docker/date/Dockerfile docker/date",
      [],
      "docker build -f ./docker/date/Dockerfile docker/date/",
      "a path with ./ or a last /",
    ],
    ["FROM ubuntu:20.04", [], "  FROM  ubuntu:20.04", "a Dockerfile line, spaces aside"],
    [
      "docker run -v my_volume:/data my_image",
      [],
      "docker run --mount type=volume,source=my_volume,target=/data my_image",
      "--mount for -v",
    ],
    [
      "docker run -v <host-path>:<container-path> <image>",
      [],
      "docker run --mount type=bind,src=/srv/app,dst=/app node",
      "a bind mount written with --mount",
    ],
  ])("%s accepts %j typed as %j (%s)", (answer, accepted, typed) => {
    expect(checkTypedAnswer(typed, answer, accepted)).toMatchObject({ isCorrect: true, suggestedGrade: 3 });
  });

  it.each([
    ["docker container run -it <image>", "docker container run -i ubuntu", "a missing option"],
    ["docker container run <image>", "docker run", "a required image left out"],
    ["docker container run <image>", "docker container start web", "another command"],
    ["docker container stop <container>", "docker container stop", "a required container left out"],
    ["docker container exec <container> <command>", "docker exec web", "a required command left out"],
    ["docker container ls -a", "docker container ls", "the option that was asked for"],
    ["docker container ls", "docker image ls", "another command"],
    ["docker container ls", "docker ps web", "an argument the command does not take"],
    ["docker run -v my_volume:/data my_image", "docker run -v /other:/data my_image", "another value"],
    [
      "docker run -v my_volume:/data my_image",
      "docker run --mount type=bind,source=/host,target=/data my_image",
      "a bind mount on a volume card",
    ],
    ["docker run -v <volume>:<path> <image>", "docker run -v /srv/data:/data node", "a host path for a volume"],
    ["docker run -v <host-path>:<path> <image>", "docker run -v data:/data node", "a volume for a host path"],
    ["docker container stop <container>", "docker container stop 'my web'", "a name Docker would refuse"],
    ['CMD ["bash"]', "CMD [bash]", "a Dockerfile line that is not the JSON form"],
  ])("%s refuses %j (%s)", (answer, typed) => {
    expect(checkTypedAnswer(typed, answer)).toMatchObject({ isCorrect: false, suggestedGrade: 1 });
  });

  it("takes the option alone, in any spelling, or a whole command with it, where a card asks for an option", () => {
    const card = ["-it", ["docker container run -it <image>", "docker run -it <image>"]] as const;
    for (const typed of ["-it", "-ti", "-i -t", "--interactive --tty", "docker run -it ubuntu bash"]) {
      expect(checkTypedAnswer(typed, card[0], [...card[1]]).isCorrect, typed).toBe(true);
    }
    for (const typed of ["-i", "-d", "-itd", "docker run -it", "docker container run -i ubuntu"]) {
      expect(checkTypedAnswer(typed, card[0], [...card[1]]).isCorrect, typed).toBe(false);
    }
    // Asked for one option, two are not an answer.
    expect(checkTypedAnswer("-it", "-i", ["docker container run -i <image>"]).isCorrect).toBe(false);
    expect(checkTypedAnswer("--interactive", "-i", ["docker container run -i <image>"]).isCorrect).toBe(true);
    // A card that asks for a command does not take options alone.
    expect(checkTypedAnswer("-a", "docker container ls -a").isCorrect).toBe(false);
  });

  it("marks nothing in a right answer spelled another way", () => {
    const result = checkTypedAnswer("docker run --interactive --tty ubuntu", "docker container run -it <image>");
    expect(result.isCorrect).toBe(true);
    expect(result.diff.every((part) => part.status === "same")).toBe(true);
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
