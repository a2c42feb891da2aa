"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  createInviteAction,
  createTeamAction,
  type InviteFormState,
  type JoinState,
  joinTeamAction,
  saveTeamExamAction,
  type TeamExamState,
  type TeamFormState,
} from "@/app/(study)/teams/actions";
import { type DeckScope, DeckScopeFields } from "./deck-scope-fields";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

const select = "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";

/** A new team: its name, decks, time zone and the day its week starts. */
export function TeamCreateForm({
  decks,
  timeZones,
  timeZone,
}: {
  decks: DeckScope[];
  timeZones: string[];
  timeZone: string;
}) {
  const t = useTranslations("teams");
  const [state, action, isPending] = useActionState<TeamFormState, FormData>(createTeamAction, {});
  return (
    <form action={action} className="space-y-4">
      <Field label={t("name")} name="name" required maxLength={80} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("decks")}</legend>
        {decks.map((deck, i) => (
          <label key={deck.slug} className="flex items-center gap-2">
            <input type="checkbox" name="deck" value={deck.slug} defaultChecked={i === 0} />
            <span>{deck.title}</span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="team-time-zone" className="block text-sm font-medium">
          {t("timeZone")}
        </label>
        <select id="team-time-zone" name="timeZone" defaultValue={timeZone} className={select}>
          {timeZones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="team-week" className="block text-sm font-medium">
          {t("weekStartsOn")}
        </label>
        <select id="team-week" name="weekStartsOn" defaultValue="1" className={select}>
          {[1, 0, 6].map((day) => (
            <option key={day} value={day}>
              {t(`weekday-${day}`)}
            </option>
          ))}
        </select>
      </div>
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(`error-${state.error}`)}
        </p>
      )}
      <Button type="submit" disabled={isPending}>
        {t("create")}
      </Button>
    </form>
  );
}

/** A new invite link, shown once with its expiry and number of uses. */
export function InviteForm({ team }: { team: string }) {
  const t = useTranslations("teams");
  const [state, action, isPending] = useActionState<InviteFormState, FormData>(createInviteAction, {});
  // Shown only after the action returns, in the browser: the address the person is using.
  const link = state.token ? `${window.location.origin}/teams/join/${state.token}` : null;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="team" value={team} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t("expiresInHours")}
          name="expiresInHours"
          type="number"
          min={1}
          max={720}
          defaultValue={72}
          required
        />
        <Field label={t("maxUses")} name="maxUses" type="number" min={1} max={1000} defaultValue={10} required />
      </div>
      <Button type="submit" disabled={isPending}>
        {t("invite")}
      </Button>
      {link && (
        <div role="status" className="space-y-1 text-sm">
          <p>{t("inviteShownOnce")}</p>
          <input readOnly aria-label={t("inviteLink")} value={link} className={`${select} font-mono`} />
        </div>
      )}
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(`error-${state.error}`)}
        </p>
      )}
    </form>
  );
}

/** Confirm joining the team of an invite link. */
export function JoinForm({ token, teamName }: { token: string; teamName: string }) {
  const t = useTranslations("teams");
  const [state, action, isPending] = useActionState<JoinState, FormData>(joinTeamAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={isPending}>
        {t("joinConfirm", { team: teamName })}
      </Button>
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(`error-${state.error}`, { minutes: state.retryAfterMinutes ?? 1 })}
        </p>
      )}
    </form>
  );
}

type TeamExamProps = {
  team: string;
  scopes: DeckScope[];
  timeZone: string;
  /** The exam already set: its deck, sections and local date and time. */
  saved?: { deck: string; sections: string[]; examAt: string };
};

/** The exam the team studies for: one of its decks, sections, date and time in the team's zone. */
export function TeamExamForm({ team, scopes, timeZone, saved }: TeamExamProps) {
  const t = useTranslations("teams");
  const [state, action, isPending] = useActionState<TeamExamState, FormData>(saveTeamExamAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="team" value={team} />
      <DeckScopeFields
        id="team-exam-deck"
        scopes={scopes}
        deckLabel={t("examDeck")}
        sectionsLabel={t("examSections")}
        deck={saved?.deck}
        checked={saved?.sections}
      />
      <Field
        label={t("examAt", { timeZone })}
        name="examAt"
        type="datetime-local"
        defaultValue={saved?.examAt}
        required
      />
      {state.status && (
        <p role={state.status === "saved" ? "status" : "alert"} className="text-sm">
          {t(`exam-${state.status}`)}
        </p>
      )}
      <Button type="submit" disabled={isPending}>
        {t("saveExam")}
      </Button>
    </form>
  );
}
