import "server-only";
import type { z } from "zod";
import { isCrossSite, isSafeMethod } from "@/app/_lib/cross-site";
import type { SessionClaims } from "./accounts";
import { type CurrentUser, getApiUser, getSessionClaims } from "./session";

/**
 * For responses that are data, not pages (the JSON API and exports): nothing in them may
 * run or be framed. Routes outside proxy.ts get their policy here.
 */
export const apiSecurityHeaders = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Content-Type-Options": "nosniff",
} as const;

/** A JSON response; with its length known, it goes out in one piece rather than chunked. */
export function json(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(text)),
      "Cache-Control": "no-store",
      ...apiSecurityHeaders,
    },
  });
}

/**
 * A JSON route for whoever `identify` finds behind the request: 403 for a state-changing
 * request from another site, 401 when nobody is found, before anything else is read.
 */
function guarded<Who, T extends unknown[]>(
  identify: () => Promise<Who | null>,
  handler: (who: Who, request: Request, ...rest: T) => Promise<Response>,
) {
  return async (request: Request, ...rest: T): Promise<Response> => {
    if (!isSafeMethod(request.method) && isCrossSite(request.headers)) {
      return json(403, { error: "cross-site", message: "Requests from another site are refused." });
    }
    const who = await identify();
    if (!who) return unauthenticated();
    return handler(who, request, ...rest);
  };
}

/** A JSON route for signed-in users (session checked against the database). */
export const withUser = <T extends unknown[]>(
  handler: (user: CurrentUser, request: Request, ...rest: T) => Promise<Response>,
) => guarded(getApiUser, handler);

/**
 * Like withUser, for a hot-path route that checks the session in its own first statement
 * (with sessionIsCurrent) instead of a query of its own; the handler must answer 401
 * when that check fails. Here only the token is checked: decrypted and unexpired.
 */
export const withSession = <T extends unknown[]>(
  handler: (session: SessionClaims, request: Request, ...rest: T) => Promise<Response>,
) => guarded(getSessionClaims, handler);

export const unauthenticated = () => json(401, { error: "unauthenticated", message: "Sign in first." });

/** The largest request body the JSON API reads; anything longer is refused unread. */
export const maxBodyBytes = 16 * 1024;

// The body as text, read no further than maxBodyBytes; null when longer.
async function readCappedText(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request's JSON body checked against a schema, or a 4xx answer that says what is wrong. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> {
  const text = await readCappedText(request).catch(() => "");
  if (text === null) {
    return json(413, { error: "body-too-large", message: `The body must be at most ${maxBodyBytes} bytes.` });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: "invalid-body", message: "The body must be JSON." });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return json(400, {
      error: "invalid-body",
      message: "The body is not valid.",
      issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
  }
  return parsed.data;
}
