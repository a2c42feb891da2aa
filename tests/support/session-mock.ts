// Stands in for app/_server/session in integration tests:
//   vi.mock("@/app/_server/session", () => import("../support/session-mock"));
// then actAs(user) decides who requireUser() returns, as a signed-in request would.
import type { CurrentUser } from "@/app/_server/session";

let current: CurrentUser | null = null;

export function actAs(user: CurrentUser | null): void {
  current = user;
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return current;
}

export const getApiUser = getCurrentUser;

/** The claims of the acting user's session (version 0, never revoked, as createUser makes it). */
export async function getSessionClaims() {
  if (!current) return null;
  const { id, name, email, sessionId, sessionExpiresAt } = current;
  return { userId: id, sessionVersion: 0, sessionId, name, email, expires: sessionExpiresAt };
}

export async function requireUser(): Promise<CurrentUser> {
  if (!current) throw new Error("NEXT_REDIRECT: not signed in");
  return current;
}
