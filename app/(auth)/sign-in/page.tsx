import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/app/_components/sign-in-form";
import { Button } from "@/app/_components/ui/button";
import { safeCallbackPath } from "@/app/_lib/credentials";
import { isGitHubEnabled } from "@/app/_server/env";
import { getCurrentUser } from "@/app/_server/session";
import { signInWithGitHubAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl: requested, error } = await searchParams;
  const callbackUrl = safeCallbackPath(requested);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const tError = await getTranslations("authErrors");
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("signInTitle")}</h1>
      {error && error !== "CredentialsSignin" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {tError("oauth")}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      {isGitHubEnabled() && (
        <form action={signInWithGitHubAction} className="space-y-4">
          <p className="text-center text-sm text-zinc-500">{t("or")}</p>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="secondary" className="w-full">
            {t("withGitHub")}
          </Button>
        </form>
      )}
      <p className="text-sm">
        {t("noAccount")}{" "}
        <Link className="underline" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("signUpLink")}
        </Link>
      </p>
    </div>
  );
}
