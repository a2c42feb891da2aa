import { describe, expect, it } from "vitest";
import {
  emailSchema,
  isAuthCallbackUrl,
  newPasswordSchema,
  normalizeEmail,
  safeCallbackPath,
  signUpSchema,
} from "@/app/_lib/credentials";

describe("normalizeEmail", () => {
  it.each([
    ["  Alice@Example.COM ", "alice@example.com"],
    ["ＡＬＩＣＥ＠ｅｘａｍｐｌｅ．ｃｏｍ", "alice@example.com"],
    ["bob@example.com", "bob@example.com"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it("rejects what is not an address after normalizing", () => {
    expect(emailSchema.safeParse("not-an-email").success).toBe(false);
    expect(emailSchema.safeParse(` ${"a".repeat(250)}@example.com`).success).toBe(false);
  });
});

describe("new passwords", () => {
  const check = (password: string) => newPasswordSchema.safeParse(password);

  it.each([
    ["seven77", false, "7 characters is too short"],
    ["eight888", true, "8 characters is enough"],
    ["パスワードです。長い", true, "any script counts by characters"],
    ["   spaces   ", true, "spaces count and are kept"],
    ["lowercase only words", true, "no composition rules"],
  ])("%j -> %s (%s)", (password, ok) => {
    expect(check(password).success).toBe(ok);
  });

  it("allows 64 characters and more, and keeps them all (no truncation)", () => {
    const long = "x".repeat(200);
    expect(check(long).data).toBe(long);
  });

  it("refuses more than 1,024 characters", () => {
    expect(check("x".repeat(1025)).success).toBe(false);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(check("🙂🙂🙂🙂🙂🙂🙂").success).toBe(false);
    expect(check("🙂🙂🙂🙂🙂🙂🙂🙂").success).toBe(true);
  });

  it("reports each rule by its message code", () => {
    const result = signUpSchema.safeParse({ name: " ", email: "x", password: "short" });
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["name", "name-required"],
      ["email", "invalid-email"],
      ["password", "password-too-short"],
    ]);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/settings", "/settings"],
    ["/decks/docker?x=1", "/decks/docker?x=1"],
    ["https://evil.example/", "/home"],
    ["//evil.example/", "/home"],
    ["/\\evil.example", "/home"],
    ["javascript:alert(1)", "/home"],
    [undefined, "/home"],
  ])("%j -> %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  // Each of these is read by some browser as another origin: `/<TAB>/evil.com` becomes
  // `//evil.com` once the tab is dropped, a backslash counts as a slash, and so on.
  it.each([
    "//evil.com",
    "/\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "/\\/evil.com",
    "/\t\\evil.com",
    "///evil.com",
    "/\u0000/evil.com",
    "https:evil.com",
    "https://evil.com",
    "http:/evil.com",
    "\\\\evil.com",
    " //evil.com",
    "\t//evil.com",
    "data:text/html,<script>alert(1)</script>",
    "/.//evil.com",
    "/%2e//evil.com",
    "/a/..//evil.com",
    "/./\\evil.com",
  ])("refuses %j", (hostile) => {
    expect(safeCallbackPath(hostile)).toBe("/home");
  });

  it("keeps a path on this site as a browser would read it", () => {
    expect(safeCallbackPath("/review?section=%E5%9F%BA%E6%9C%AC#x")).toBe("/review?section=%E5%9F%BA%E6%9C%AC#x");
    expect(safeCallbackPath("/a/../settings")).toBe("/settings");
    expect(safeCallbackPath("/%2F%2Fevil.com")).toBe("/%2F%2Fevil.com");
  });
});

describe("isAuthCallbackUrl", () => {
  it.each([
    ["/home", true],
    ["https://example.com/x", true],
    ["a@a.aa", false],
    ["javascript:alert(1)", false],
    ["", false],
  ])("%j -> %s", (value, expected) => {
    expect(isAuthCallbackUrl(value)).toBe(expected);
  });
});
