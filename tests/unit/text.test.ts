import { describe, expect, it } from "vitest";
import { hasControlCharacters, plainText } from "@/app/_lib/text";

describe("text from outside", () => {
  it.each([
    ["abc\u0000def", true],
    ["\u0007bell", true],
    ["tab\there", true],
    ["line\nbreak", true],
    ["del\u007f", true],
    ["c1\u0085", true],
    ["lone \ud800 surrogate", true],
    ["docker run -it ubuntu", false],
    ["ｄｏｃｋｅｒ　ｒｕｎ 🙂 日本語", false],
    ["", false],
  ])("%j has control characters: %s", (text, expected) => {
    expect(hasControlCharacters(text)).toBe(expected);
  });

  it("allows tab and line breaks in text that spans lines, and nothing else", () => {
    expect(hasControlCharacters("a\tb\r\nc", true)).toBe(false);
    expect(hasControlCharacters("a\u0000b", true)).toBe(true);
  });

  it("plainText refuses control characters and overlong text with a message code", () => {
    expect(plainText(10).safeParse("ok").success).toBe(true);
    expect(plainText(10).safeParse("x\u0000").error?.issues[0]?.message).toBe("control-characters");
    expect(plainText(3).safeParse("long").success).toBe(false);
  });
});
