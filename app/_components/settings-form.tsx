"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type SettingsState, saveSettingsAction } from "@/app/(study)/settings/actions";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

type NumberFieldProps = {
  name: string;
  label: string;
  hint?: string;
  defaultValue: number;
  min: number;
  max: number;
  step?: number;
};

function NumberField({ step = 1, ...props }: NumberFieldProps) {
  return <Field type="number" inputMode="decimal" required step={step} {...props} />;
}

type Props = {
  locale: string | null;
  timeZone: string;
  timeZones: string[];
  desiredRetention: number;
  fuzz: boolean;
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  dayStartHour: number;
};

export function SettingsForm({ locale, timeZone, timeZones, ...study }: Props) {
  const t = useTranslations("settings");
  const [state, action, isPending] = useActionState<SettingsState, FormData>(saveSettingsAction, {});
  const selectClass =
    "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <form action={action} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="locale" className="block text-sm font-medium">
          {t("language")}
        </label>
        <select id="locale" name="locale" defaultValue={locale ?? ""} className={selectClass}>
          <option value="">{t("languageBrowser")}</option>
          <option value="en" lang="en">
            English
          </option>
          <option value="ja" lang="ja">
            日本語
          </option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="timeZone" className="block text-sm font-medium">
          {t("timeZone")}
        </label>
        <select
          id="timeZone"
          name="timeZone"
          defaultValue={timeZone}
          aria-describedby="timeZone-hint"
          className={selectClass}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p id="timeZone-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("timeZoneHint")}
        </p>
      </div>
      <NumberField
        name="desiredRetention"
        label={t("desiredRetention")}
        hint={t("desiredRetentionHint")}
        defaultValue={study.desiredRetention}
        min={0.7}
        max={0.97}
        step={0.01}
      />
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input
            id="fuzz"
            name="fuzz"
            type="checkbox"
            defaultChecked={study.fuzz}
            aria-describedby="fuzz-hint"
            className="size-4"
          />
          <label htmlFor="fuzz" className="text-sm font-medium">
            {t("fuzz")}
          </label>
        </div>
        <p id="fuzz-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("fuzzHint")}
        </p>
      </div>
      <NumberField
        name="newCardsPerDay"
        label={t("newCardsPerDay")}
        defaultValue={study.newCardsPerDay}
        min={0}
        max={9999}
      />
      <NumberField
        name="maxReviewsPerDay"
        label={t("maxReviewsPerDay")}
        defaultValue={study.maxReviewsPerDay}
        min={0}
        max={99999}
      />
      <NumberField
        name="dayStartHour"
        label={t("dayStartHour")}
        hint={t("dayStartHourHint")}
        defaultValue={study.dayStartHour}
        min={0}
        max={23}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {t("save")}
        </Button>
        <p role="status" className="text-sm">
          {state.status === "saved" ? t("saved") : state.status === "invalid" ? t("invalid") : ""}
        </p>
      </div>
    </form>
  );
}
