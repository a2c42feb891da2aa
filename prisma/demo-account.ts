/** The demo account's sign-in, printed at start and in the README, so anyone can try the app at once. */
export const demoAccount = {
  email: "demo@kioku.local",
  name: "Demo",
  password: "kioku-demo-password",
} as const;

/**
 * What the demo sign-in opens. `shared`: one seeded account, for a machine of your own.
 * `personal`: each sign-in with it opens a new throwaway account of its own (for a
 * public server: visitors cannot touch each other's progress or sessions). `off`: none.
 */
export type DemoMode = "off" | "shared" | "personal";

export const demoModes: readonly DemoMode[] = ["off", "shared", "personal"];

/** KIOKU_DEMO when set; otherwise shared, except in production, where there is none unless asked. */
export function demoMode(env: Record<string, string | undefined>): DemoMode {
  const asked = env.KIOKU_DEMO;
  if (asked && (demoModes as readonly string[]).includes(asked)) return asked as DemoMode;
  return env.NODE_ENV === "production" ? "off" : "shared";
}

/** How long a personal demo account lives. */
export const demoLifetimeDays = 30;
