import { describe, expect, it } from "vitest";
import { isLocale, pickLocale } from "@/app/_lib/locale";

describe("pickLocale", () => {
  it.each([
    { chosen: "ja", acceptLanguage: "en-US,en;q=0.9", expected: "ja", why: "an explicit choice wins" },
    { chosen: "en", acceptLanguage: "ja", expected: "en", why: "an explicit choice wins over the browser" },
    {
      chosen: undefined,
      acceptLanguage: "ja-JP,ja;q=0.9,en;q=0.8",
      expected: "ja",
      why: "the browser's first language",
    },
    { chosen: undefined, acceptLanguage: "fr-FR,ja;q=0.7,en;q=0.5", expected: "ja", why: "the best supported one" },
    { chosen: undefined, acceptLanguage: "fr-FR,de;q=0.5", expected: "en", why: "English when none is supported" },
    { chosen: "xx", acceptLanguage: "ja", expected: "ja", why: "an unknown cookie value is ignored" },
    { chosen: null, acceptLanguage: null, expected: "en", why: "no information at all" },
    { chosen: undefined, acceptLanguage: ";;;q=x,*", expected: "en", why: "a malformed header" },
  ])("$why", ({ chosen, acceptLanguage, expected }) => {
    expect(pickLocale({ chosen, acceptLanguage })).toBe(expected);
  });
});

describe("isLocale", () => {
  it.each([
    ["en", true],
    ["ja", true],
    ["JA", false],
    ["", false],
    [undefined, false],
    [42, false],
  ])("%s -> %s", (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});
