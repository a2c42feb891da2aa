import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_server/session";
import { signOutAction } from "@/app/actions";
import { LanguageSwitch } from "./language-switch";
import { OfflineSupport } from "./offline-support";

export async function SiteHeader() {
  const [t, user] = await Promise.all([getTranslations(), getCurrentUser()]);
  const link = "rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800";
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <OfflineSupport owner={user?.id ?? null} />
      <nav className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href={user ? "/home" : "/"} className="font-semibold tracking-tight">
          {t("app.name")}
        </Link>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {user ? (
            <>
              <Link className={link} href="/home">
                {t("header.home")}
              </Link>
              <Link className={link} href="/review">
                {t("header.review")}
              </Link>
              <Link className={link} href="/decks">
                {t("header.decks")}
              </Link>
              <Link className={link} href="/quiz">
                {t("header.quiz")}
              </Link>
              <Link className={link} href="/exam">
                {t("header.exam")}
              </Link>
              <Link className={link} href="/teams">
                {t("header.teams")}
              </Link>
              <Link className={link} href="/progress">
                {t("header.progress")}
              </Link>
              <Link className={link} href="/settings">
                {t("header.settings")}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={link}>
                  {t("header.signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link className={link} href="/sign-in">
                {t("header.signIn")}
              </Link>
              <Link className={link} href="/sign-up">
                {t("header.signUp")}
              </Link>
            </>
          )}
          <LanguageSwitch />
        </div>
      </nav>
    </header>
  );
}
