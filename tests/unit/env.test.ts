import { describe, expect, it } from "vitest";
import { parseEnv } from "@/app/_server/env";

const base = { DATABASE_URL: "postgresql://localhost/kioku" };
const secret = "s".repeat(32);

describe("configuration", () => {
  it("accepts a development setup with only a database", () => {
    expect(parseEnv(base)).toMatchObject({ NODE_ENV: "development", DATABASE_POOL_SIZE: 10 });
  });

  it.each([
    [{}, "DATABASE_URL"],
    [{ DATABASE_URL: "mysql://localhost/x" }, "postgresql://"],
    [{ ...base, NODE_ENV: "production" }, "AUTH_SECRET is required in production"],
    [{ ...base, AUTH_SECRET: "short" }, "at least 32 characters"],
    [{ ...base, AUTH_GITHUB_ID: "id" }, "set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET"],
    [{ ...base, DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
  ])("refuses %j, naming the problem", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("accepts production with a secret, and GitHub with both values", () => {
    const env = parseEnv({
      ...base,
      NODE_ENV: "production",
      AUTH_SECRET: secret,
      AUTH_GITHUB_ID: "i",
      AUTH_GITHUB_SECRET: "s",
    });
    expect(env.AUTH_GITHUB_ID).toBe("i");
  });
});
