/** The account every fresh installation has, so anyone can try the app at once (see README). */
export const demoAccount = {
  email: "demo@kioku.local",
  name: "Demo",
  password: "kioku-demo-password",
} as const;
