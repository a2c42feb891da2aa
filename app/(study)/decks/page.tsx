import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listDecks } from "@/app/_server/deck-library";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("decks"))("title") };
}

export default async function DecksPage() {
  const user = await requireUser();
  const [t, decks] = await Promise.all([getTranslations("decks"), listDecks(user)]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <Link
        href="/decks/new"
        className="inline-block rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
      >
        {t("new")}
      </Link>
      <ul className="space-y-3">
        {decks.map((deck) => (
          <li key={deck.slug} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
            <Link href={`/decks/${deck.slug}`} className="font-semibold underline">
              {deck.title}
            </Link>{" "}
            <span className="text-sm text-zinc-600 dark:text-zinc-400">
              {t(`origin-${deck.origin}`)} · {t("cardCount", { count: deck.cards })}
              {deck.isArchived ? ` · ${t("archived")}` : ""}
            </span>
            <p className="text-sm" lang={deck.language}>
              {deck.sections.map((section) => `${section.name} (${section.cards})`).join(" · ")}
            </p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("source", { source: deck.source })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
