"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { questionFormats } from "@/app/_lib/practice-test";
import { type StartTestState, startTestAction } from "@/app/(study)/quiz/actions";
import { type DeckScope, DeckScopeFields } from "./deck-scope-fields";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

type Props = {
  scopes: DeckScope[];
  deck?: string;
  sections?: string[];
  /** Started from a team's page: the test counts on its quiz board. */
  team?: { id: string; name: string };
};

export function QuizStartForm({ scopes, deck, sections, team }: Props) {
  const t = useTranslations("quiz");
  const [state, action, isPending] = useActionState<StartTestState, FormData>(startTestAction, {});
  const box = "flex items-center gap-2";
  return (
    <form action={action} className="space-y-5">
      {team && (
        <p className="text-sm">
          <input type="hidden" name="team" value={team.id} />
          {t("forTeam", { team: team.name })}
        </p>
      )}
      <DeckScopeFields
        id="deck"
        scopes={scopes}
        deckLabel={t("deck")}
        sectionsLabel={t("sections")}
        deck={deck}
        checked={sections}
      />
      <label className={box}>
        <input type="checkbox" name="fromWeakest" />
        <span>{t("fromWeakest")}</span>
      </label>
      <Field label={t("count")} name="count" type="number" min={1} max={200} defaultValue={10} required />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("formats")}</legend>
        {questionFormats.map((format) => (
          <label key={format} className={box}>
            <input type="checkbox" name="format" value={format} defaultChecked />
            <span>{t(`format-${format}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t("timeLimit")} name="timeLimitMinutes" type="number" min={1} max={600} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("feedback")}</legend>
        <label className={box}>
          <input type="radio" name="feedback" value="each" defaultChecked />
          <span>{t("feedbackEach")}</span>
        </label>
        <label className={box}>
          <input type="radio" name="feedback" value="end" />
          <span>{t("feedbackEnd")}</span>
        </label>
      </fieldset>
      <label className={box}>
        <input type="checkbox" name="countsAsReviews" />
        <span>{t("countsAsReviews")}</span>
      </label>
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(`error-${state.error}`)}
        </p>
      )}
      <Button type="submit" disabled={isPending}>
        {t("start")}
      </Button>
    </form>
  );
}
