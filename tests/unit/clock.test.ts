import { afterEach, describe, expect, it, vi } from "vitest";
import { now, testClockCookie } from "@/app/_server/clock";

const week = 7 * 24 * 3_600_000;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === testClockCookie ? { value: String(week) } : undefined) }),
}));

afterEach(() => vi.unstubAllEnvs());

describe("the clock", () => {
  it("is moved by the cookie on a server started with the test clock", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("KIOKU_TEST_CLOCK", "1");
    expect((await now()).getTime() - Date.now()).toBeGreaterThan(week - 60_000);
  });

  it("ignores the cookie without the test clock", async () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(Math.abs((await now()).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("ignores the cookie and the variable in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("KIOKU_TEST_CLOCK", "1");
    expect(Math.abs((await now()).getTime() - Date.now())).toBeLessThan(60_000);
  });
});
