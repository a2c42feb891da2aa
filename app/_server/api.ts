import "server-only";
import type { z } from "zod";
import { type CurrentUser, getCurrentUser } from "./session";

export const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** A JSON route for signed-in users: 401 for anyone else, before anything is read. */
export function withUser<T extends unknown[]>(
  handler: (user: CurrentUser, request: Request, ...rest: T) => Promise<Response>,
) {
  return async (request: Request, ...rest: T): Promise<Response> => {
    const user = await getCurrentUser();
    if (!user) return json(401, { error: "unauthenticated", message: "Sign in first." });
    return handler(user, request, ...rest);
  };
}

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
