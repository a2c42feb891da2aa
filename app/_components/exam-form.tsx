"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { type ExamState, saveExamAction } from "@/app/(study)/exam/actions";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

type Scope = { slug: string; title: string; sections: string[] };
type Props = {
  scopes: Scope[];
  timeZone: string;
  deck?: string;
  examAt?: string;
  dailyMinutes?: number;
  sections?: string[];
};

export function ExamForm({
  scopes,
  timeZone,
  deck: savedDeck,
  examAt,
  dailyMinutes = 30,
  sections: savedSections = [],
}: Props) {
  const t = useTranslations("exam");
  const [state, action, isPending] = useActionState<ExamState, FormData>(saveExamAction, {});
  const [deck, setDeck] = useState(savedDeck ?? scopes[0]?.slug ?? "");
  const sections = scopes.find((scope) => scope.slug === deck)?.sections ?? [];
  return (
    <form action={action} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="exam-deck" className="block text-sm font-medium">
          {t("deck")}
        </label>
        <select
          id="exam-deck"
          name="deck"
          value={deck}
          onChange={(event) => setDeck(event.target.value)}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {scopes.map((scope) => (
            <option key={scope.slug} value={scope.slug}>
              {scope.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("sections")}</legend>
        {sections.map((section) => (
          <label key={section} className="flex items-center gap-2">
            <input type="checkbox" name="section" value={section} defaultChecked={savedSections.includes(section)} />
            <span>{section}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t("examAt", { timeZone })} name="examAt" type="datetime-local" defaultValue={examAt} required />
      <Field
        label={t("dailyMinutes")}
        name="dailyMinutes"
        type="number"
        min={1}
        max={600}
        defaultValue={dailyMinutes}
        required
      />
      {state.status && (
        <p role={state.status === "saved" ? "status" : "alert"} className="text-sm">
          {t(state.status)}
        </p>
      )}
      <Button type="submit" disabled={isPending}>
        {t("save")}
      </Button>
    </form>
  );
}
