"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type SignInState, signInAction } from "@/app/(auth)/actions";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const tError = useTranslations("authErrors");
  const [state, action, isPending] = useActionState<SignInState, FormData>(signInAction, {});
  const message =
    state.error === "rate-limited"
      ? tError("rate-limited", { minutes: state.retryAfterMinutes ?? 1 })
      : state.error && tError(state.error);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t("pending") : t("signInSubmit")}
      </Button>
    </form>
  );
}
