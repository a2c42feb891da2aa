/** A request whose Fetch Metadata or Origin says another site sent it. */
export function isCrossSite(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Methods that change nothing, which another site may send. */
export const isSafeMethod = (method: string) => method === "GET" || method === "HEAD" || method === "OPTIONS";
