"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  type CsvImportState,
  type CsvUpdateState,
  importCsvAction,
  updateCsvAction,
} from "@/app/(study)/decks/actions";
import { NoteLanguageOptions } from "./note-languages";
import { Button } from "./ui/button";

/** A deck from a CSV of front/back cards, as other flashcard apps export them. */
export function CsvImportForm() {
  const t = useTranslations("decks");
  const [state, action, isPending] = useActionState<CsvImportState, FormData>(importCsvAction, {});
  return (
    <form action={action} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="csv-title" className="block text-sm font-medium">
          {t("csvDeckTitle")}
        </label>
        <input
          id="csv-title"
          name="title"
          required
          maxLength={120}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="csv-language" className="block text-sm font-medium">
          {t("csvLanguage")}
        </label>
        <select
          id="csv-language"
          name="language"
          defaultValue="ja"
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <NoteLanguageOptions />
        </select>
      </div>
      <CsvFileField id="csv-file" />
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(`csv-${state.error}`, { line: state.line ?? 0 })}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t("csvImport")}
      </Button>
    </form>
  );
}

/** A new version of a CSV deck: applied at once, then what changed. */
export function CsvUpdateForm({ slug }: { slug: string }) {
  const t = useTranslations("decks");
  const [state, action, isPending] = useActionState<CsvUpdateState, FormData>(updateCsvAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="deck" value={slug} />
      <CsvFileField id="csv-update-file" />
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(state.error === "not-found" ? "error-not-found" : `csv-${state.error}`, { line: state.line ?? 0 })}
        </p>
      )}
      {state.diff && (
        <p role="status" className="text-sm">
          {t("diffSummary", {
            kept: state.diff.kept,
            reworded: state.diff.reworded.length,
            added: state.diff.added.length,
            retired: state.diff.retired.length,
            restored: state.diff.restored.length,
          })}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t("csvUpdate")}
      </Button>
    </form>
  );
}

function CsvFileField({ id }: { id: string }) {
  const t = useTranslations("decks");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("csvFile")}
      </label>
      <input id={id} name="file" type="file" accept=".csv,text/csv" required />
    </div>
  );
}
