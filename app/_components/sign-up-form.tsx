"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { type SignUpState, signUpAction } from "@/app/(auth)/actions";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const tError = useTranslations("authErrors");
  const [state, action, isPending] = useActionState<SignUpState, FormData>(signUpAction, {});
  // The browser's time zone becomes the account's; it can be changed in the settings.
  const [timeZone, setTimeZone] = useState("");
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const error = (field: "name" | "email" | "password") => {
    const code = state.fieldErrors?.[field];
    return code && tError.has(code) ? tError(code) : code;
  };
  const message =
    state.error === "rate-limited"
      ? tError("rate-limited", { minutes: state.retryAfterMinutes ?? 1 })
      : state.error && tError(state.error);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <Field
        label={t("name")}
        name="name"
        autoComplete="nickname"
        required
        defaultValue={state.values?.name}
        error={error("name")}
      />
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={error("email")}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint={t("passwordHint")}
        error={error("password")}
      />
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t("pending") : t("signUpSubmit")}
      </Button>
    </form>
  );
}
