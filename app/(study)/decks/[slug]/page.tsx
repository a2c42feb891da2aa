import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CsvUpdateForm } from "@/app/_components/csv-import-form";
import { DeckUpload } from "@/app/_components/deck-upload";
import { Button } from "@/app/_components/ui/button";
import { deckDeletionCounts, getOwnDeckDraft, listDecks } from "@/app/_server/deck-library";
import { readyDraftBuilder } from "@/app/_server/draft-builder";
import { requireUser } from "@/app/_server/session";
import { archiveDeckAction, deleteDeckAction, renameDeckAction } from "@/app/(study)/decks/actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("decks"))("title") };
}

export default async function DeckPage({ params }: Props) {
  const user = await requireUser();
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) notFound();
  const [t, decks, own, counts] = await Promise.all([
    getTranslations("decks"),
    listDecks(user),
    getOwnDeckDraft(user, slug),
    deckDeletionCounts(user, slug),
  ]);
  const deck = decks.find((d) => d.slug === slug);
  if (!deck) notFound();
  if (own) void readyDraftBuilder();
  const field = "rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <div className="max-w-3xl space-y-8">
      <section className="space-y-2">
        <h1 className="text-2xl font-bold">{deck.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t(`origin-${deck.origin}`)} · {t("cardCount", { count: deck.cards })} ·{" "}
          {t("source", { source: deck.source })}
          {deck.isArchived ? ` · ${t("archived")}` : ""}
        </p>
        <p className="text-sm" data-testid="studied">
          {t("studied", { count: deck.studied })}
        </p>
        <ul className="text-sm" lang={deck.language}>
          {deck.sections.map((section) => (
            <li key={section.name}>
              {section.name}: {t("cardCount", { count: section.cards })}
            </li>
          ))}
        </ul>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link className="underline" href={`/decks/${deck.slug}/review`}>
            {t("review")}
          </Link>
          <Link className="underline" href={`/quiz?deck=${deck.slug}`}>
            {t("quiz")}
          </Link>
          {counts && (
            <a className="underline" href={`/api/decks/${deck.slug}/export`}>
              {t(own ? "export" : "exportCsv")}
            </a>
          )}
        </p>
      </section>
      {counts && (
        <>
          <section className="space-y-3" aria-labelledby="update-title">
            <h2 id="update-title" className="text-xl font-semibold">
              {t(own ? "updateTitle" : "updateCsvTitle")}
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t(own ? "updateIntro" : "csvUpdateIntro")}</p>
            {own ? (
              <DeckUpload
                update={{
                  slug: own.slug,
                  title: own.title,
                  language: own.language,
                  corrections: own.corrections,
                  dropped: own.dropped,
                }}
              />
            ) : (
              <CsvUpdateForm slug={deck.slug} />
            )}
          </section>
          <section className="space-y-3" aria-labelledby="manage-title">
            <h2 id="manage-title" className="text-xl font-semibold">
              {t("manage")}
            </h2>
            <form action={renameDeckAction} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="deck" value={deck.slug} />
              <label className="space-y-1">
                <span className="block text-sm font-medium">{t("rename")}</span>
                <input name="title" defaultValue={deck.title} maxLength={120} required className={field} />
              </label>
              <Button type="submit" variant="secondary">
                {t("saveTitle")}
              </Button>
            </form>
            <form action={archiveDeckAction}>
              <input type="hidden" name="deck" value={deck.slug} />
              {!deck.isArchived && <input type="hidden" name="archive" value="on" />}
              <Button type="submit" variant="secondary">
                {t(deck.isArchived ? "unarchive" : "archive")}
              </Button>
            </form>
            <form action={deleteDeckAction} className="space-y-2">
              <input type="hidden" name="deck" value={deck.slug} />
              <p className="text-sm">{t("deleteExplain", counts)}</p>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="confirm" required />
                {t("deleteConfirm")}
              </label>
              <Button type="submit" variant="danger">
                {t("delete")}
              </Button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
