"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { safeCallbackPath, signUpSchema } from "@/app/_lib/credentials";
import { createAccount } from "@/app/_server/accounts";
import { signIn, TooManyAttempts } from "@/app/_server/auth";
import { isGitHubEnabled } from "@/app/_server/env";

export type SignInState = {
  error?: "invalid-credentials" | "rate-limited";
  retryAfterMinutes?: number;
  email?: string;
};

const signInFormSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(4096),
  callbackUrl: z.string().max(2048).optional(),
});

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid-credentials" };
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    // signIn() ends with a redirect (thrown); only Auth.js's own errors are answers here.
    if (error instanceof TooManyAttempts) {
      return { error: "rate-limited", retryAfterMinutes: Math.max(1, Math.ceil(error.retryAfterMs / 60_000)), email };
    }
    if (error instanceof AuthError) return { error: "invalid-credentials", email };
    throw error;
  }
  return {};
}

export type SignUpState = {
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  values?: { name: string; email: string };
};

export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const raw = Object.fromEntries(formData);
  const values = { name: String(raw.name ?? ""), email: String(raw.email ?? "") };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: SignUpState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "email" || field === "password") && !fieldErrors[field]) {
        fieldErrors[field] = issue.message;
      }
    }
    return { fieldErrors, values };
  }
  const created = await createAccount(parsed.data);
  if ("error" in created) {
    const field = created.error === "email-taken" ? "email" : "password";
    return { fieldErrors: { [field]: created.error }, values };
  }
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: safeCallbackPath(raw.callbackUrl),
  });
  return {};
}

export async function signInWithGitHubAction(formData: FormData): Promise<void> {
  if (!isGitHubEnabled()) return;
  await signIn("github", { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
