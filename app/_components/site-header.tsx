import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <nav className="mx-auto flex max-w-4xl items-center justify-between px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight">
          {t("app.name")}
        </Link>
        <LanguageSwitch />
      </nav>
    </header>
  );
}
