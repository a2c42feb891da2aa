"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { safeCallbackPath, signUpSchema } from "@/app/_lib/credentials";
import { plainText } from "@/app/_lib/text";
import { SignUpRefused, signIn, TooManyAttempts } from "@/app/_server/auth";
import { isGitHubEnabled } from "@/app/_server/env";

export type SignInState = {
  error?: "invalid-credentials" | "rate-limited";
  retryAfterMinutes?: number;
  email?: string;
};

const signInFormSchema = z.object({
  email: plainText(320),
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
      return { error: "rate-limited", retryAfterMinutes: minutesLeft(error.retryAfterMs), email };
    }
    if (error instanceof AuthError) return { error: "invalid-credentials", email };
    throw error;
  }
  return {};
}

export type SignUpState = {
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  error?: "sign-up-refused" | "rate-limited";
  retryAfterMinutes?: number;
  values?: { name: string; email: string };
};

const minutesLeft = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const raw = Object.fromEntries(formData);
  const values = { name: String(raw.name ?? "").slice(0, 400), email: String(raw.email ?? "").slice(0, 320) };
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
  const { name, email, password, timeZone } = parsed.data;
  try {
    await signIn("sign-up", {
      name,
      email,
      password,
      timeZone: timeZone ?? "",
      redirectTo: safeCallbackPath(raw.callbackUrl),
    });
  } catch (error) {
    // signIn() ends with a redirect (thrown); only the sign-up's own refusals are answers.
    if (error instanceof TooManyAttempts) {
      return { error: "rate-limited", retryAfterMinutes: minutesLeft(error.retryAfterMs), values };
    }
    if (error instanceof SignUpRefused) {
      return error.reason === "password-common"
        ? { fieldErrors: { password: error.reason }, values }
        : { error: error.reason, values };
    }
    throw error;
  }
  return {};
}

export async function signInWithGitHubAction(formData: FormData): Promise<void> {
  if (!isGitHubEnabled()) return;
  await signIn("github", { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
