import { describe, expect, it } from "vitest";
import { clientAddress } from "@/app/_lib/client-address";

describe("the client's address", () => {
  it("is the socket's unless a proxy is trusted, whatever the client claims", () => {
    expect(clientAddress("10.0.0.9", "1.2.3.4", false)).toBe("10.0.0.9");
    expect(clientAddress(undefined, undefined, false)).toBe("unknown");
  });

  it("behind a trusted proxy, is the entry that proxy appended (the last)", () => {
    expect(clientAddress("10.0.0.1", "6.6.6.6, 203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.1", ["6.6.6.6", "203.0.113.8"], true)).toBe("203.0.113.8");
    expect(clientAddress("10.0.0.1", undefined, true)).toBe("10.0.0.1");
  });
});
