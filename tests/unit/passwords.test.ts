import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, scryptParameters, verifyPassword } from "@/app/_lib/passwords";

describe("password hashing", () => {
  it("uses OWASP's scrypt parameters: N=2^17, r=8, p=1", async () => {
    expect(scryptParameters).toEqual({ N: 131072, r: 8, p: 1 });
    const [scheme, n, r, p, salt, hash] = (await hashPassword("a passphrase")).split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "131072", "8", "1"]);
    expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
    expect(Buffer.from(hash ?? "", "base64")).toHaveLength(32);
  });

  it("verifies the right password and refuses another", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses a malformed stored hash", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});

describe("common passwords", () => {
  it.each([
    ["123456", true],
    ["password", true],
    ["PASSWORD", true],
    ["qwerty", true],
    ["correct horse battery staple", false],
  ])("%j -> %s", (password, expected) => {
    expect(isCommonPassword(password)).toBe(expected);
  });
});
