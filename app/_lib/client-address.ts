/**
 * The request header that carries the client's address to the app. server.ts sets it on
 * every request, replacing whatever the client sent; nothing else decides it.
 */
export const clientAddressHeader = "x-kioku-client-address";

/**
 * The client's address: the socket's, or, behind a trusted reverse proxy, the last
 * X-Forwarded-For entry (the one that proxy appended; earlier ones are the client's say).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  const forwarded = trustProxy ? [forwardedFor ?? []].flat().join(",").split(",").at(-1)?.trim() : undefined;
  return forwarded || socketAddress || "unknown";
}
