import { describe, expect, it } from "vitest";
import { clientAddress, limitKey, parseTrustProxy } from "@/app/_lib/client-address";

const request = (socket: string | undefined, forwardedFor?: string) => ({
  socket: { remoteAddress: socket },
  headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
});

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever the client claims", () => {
    const none = parseTrustProxy("0");
    expect(clientAddress(request("198.51.100.9", "1.2.3.4"), none)).toBe("198.51.100.9");
    expect(clientAddress(request(undefined, "1.2.3.4"), none)).toBe("unknown");
  });

  it("behind a trusted proxy, is the nearest entry that is not a trusted proxy", () => {
    const local = parseTrustProxy("1");
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 203.0.113.7"), local)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1"), local)).toBe("203.0.113.7");
    expect(clientAddress(request("127.0.0.1"), local)).toBe("127.0.0.1");
  });

  it("from a socket that is no trusted proxy, ignores X-Forwarded-For (a client on the open port)", () => {
    expect(clientAddress(request("203.0.113.50", "198.51.100.1"), parseTrustProxy("1"))).toBe("203.0.113.50");
    const listed = parseTrustProxy("192.0.2.10, 2001:db8::/32");
    expect(clientAddress(request("192.0.2.10", "203.0.113.8"), listed)).toBe("203.0.113.8");
    expect(clientAddress(request("192.0.2.11", "203.0.113.8"), listed)).toBe("192.0.2.11");
  });

  it("refuses a TRUST_PROXY it cannot read", () => {
    expect(() => parseTrustProxy("yes please")).toThrow();
  });
});

describe("the key a client is limited by", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["unknown", "unknown"],
  ])("%s -> %s", (address, key) => {
    expect(limitKey(address)).toBe(key);
  });
});
