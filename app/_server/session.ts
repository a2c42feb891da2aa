import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSessionUser } from "./accounts";
import { auth, readSessionClaims, type TokenClaims } from "./auth";

export type CurrentUser = { id: string; name: string; email: string; sessionId: string; sessionExpiresAt: Date };

/** The signed-in user of this request, or null. Checked against the database once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { id, name, email } = session.user;
  return { id, name, email, sessionId: session.sessionId, sessionExpiresAt: new Date(session.expires) };
});

/**
 * The request's session claims, decrypted but unchecked: only for a route whose first
 * statement checks them with sessionIsCurrent (see withSession in api.ts).
 */
export const getSessionClaims = cache(async (): Promise<TokenClaims | null> => readSessionClaims());

/** The signed-in user of a JSON API request, or null: the same checks as getCurrentUser, fewer steps. */
export const getApiUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await findSessionUser(claims.userId, claims.sessionVersion, claims.sessionId);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    sessionId: claims.sessionId,
    sessionExpiresAt: claims.expires,
  };
});

/**
 * The signed-in user, or a redirect to sign-in that comes back to this page. Every
 * personal page, action and route handler starts here; every query it makes is
 * scoped by the returned id, so another user's rows are simply not found.
 */
export const requireUser = cache(async (): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (user) return user;
  // proxy.ts records the requested path, since a server component cannot see it.
  const path = (await headers()).get("x-request-path") ?? "/home";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
});
