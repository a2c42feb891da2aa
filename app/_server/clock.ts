import "server-only";
import { cookies } from "next/headers";

/** The cookie an end-to-end test sets to move the server's clock: milliseconds to add. */
export const testClockCookie = "kioku-test-clock";

/**
 * The time the review loop runs at. A development or test server started with
 * KIOKU_TEST_CLOCK=1 lets a request move it forward by a cookie, so an end-to-end test
 * can see cards come back days later. A production build cannot: Next replaces
 * `process.env.NODE_ENV` with "production" at build time, so this branch is not even in
 * its bundle. tests/e2e/review.spec.ts sets both the variable and the cookie on the
 * production server and sees the real time.
 */
export async function now(): Promise<Date> {
  if (process.env.NODE_ENV !== "production" && process.env.KIOKU_TEST_CLOCK === "1") {
    const offset = Number((await cookies()).get(testClockCookie)?.value ?? 0);
    if (Number.isSafeInteger(offset) && offset >= 0) return new Date(Date.now() + offset);
  }
  return new Date();
}
