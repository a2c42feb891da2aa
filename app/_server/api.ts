import "server-only";
import type { z } from "zod";
import { isCrossSite, isSafeMethod } from "@/app/_lib/cross-site";
import type { SessionClaims } from "./accounts";
import { type CurrentUser, getApiUser, getSessionClaims } from "./session";

/** A JSON response; with its length known, it goes out in one piece rather than chunked. */
export function json(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(text)),
      "Cache-Control": "no-store",
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

/** The request's JSON body checked against a schema, or a 400 answer that says what is wrong. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> {
  const body = await request.json().catch(() => undefined);
  if (body === undefined) return json(400, { error: "invalid-body", message: "The body must be JSON." });
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
