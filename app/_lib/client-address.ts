import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

/**
 * The request header that carries the client's address to the app. server.ts sets it on
 * every request, replacing whatever the client sent; nothing else decides it.
 */
export const clientAddressHeader = "x-kioku-client-address";

/** Which proxies may say who the client is: a test of a socket or X-Forwarded-For address. */
export type TrustedProxies = (address: string, hop: number) => boolean;

// `1`: a proxy on this machine or on a private network, as most deployments have it.
const privateRanges = ["loopback", "linklocal", "uniquelocal"];

/**
 * TRUST_PROXY: `0`/`false` (no proxy: the socket's address is the client's), `1`/`true`
 * (proxies on loopback or private addresses), or a comma-separated list of addresses and
 * CIDR ranges. Throws on anything else.
 */
export function parseTrustProxy(value: string): TrustedProxies {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === "0" || trimmed === "false") return () => false;
  const list = trimmed === "1" || trimmed === "true" ? privateRanges : trimmed.split(",").map((part) => part.trim());
  return proxyaddr.compile(list);
}

type RequestLike = { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> };

/**
 * The client's address: the socket's, or, when it is a trusted proxy, the nearest
 * X-Forwarded-For entry that is not itself a trusted proxy (proxy-addr, as Express does).
 */
export function clientAddress(request: RequestLike, trust: TrustedProxies): string {
  if (!request.socket.remoteAddress) return "unknown";
  return proxyaddr(request as Parameters<typeof proxyaddr>[0], trust);
}

/**
 * The key a client address is limited by: IPv4 as it is (also when written as an
 * IPv4-mapped IPv6 address), IPv6 by its /64, the block one subscriber gets, so one
 * connection cannot pose as 2^64 clients.
 */
export function limitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const bytes = [...parsed.toByteArray().slice(0, 8), ...new Array(8).fill(0)];
  return `${ipaddr.fromByteArray(bytes).toString()}/64`;
}
