"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type ExamState, saveExamAction } from "@/app/(study)/exam/actions";
import { type DeckScope, DeckScopeFields } from "./deck-scope-fields";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

type Props = {
  scopes: DeckScope[];
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
  return (
    <form action={action} className="space-y-4">
      <DeckScopeFields
        id="exam-deck"
        scopes={scopes}
        deckLabel={t("deck")}
        sectionsLabel={t("sections")}
        deck={savedDeck}
        checked={savedSections}
      />
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
