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

export async function requireUser(): Promise<CurrentUser> {
  if (!current) throw new Error("NEXT_REDIRECT: not signed in");
  return current;
}
