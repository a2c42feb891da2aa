"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import type { MemoryModelDto } from "@/app/_server/memory-model";
import { fitMemoryModelAction, type MemoryModelState, restoreParametersAction } from "@/app/(study)/settings/actions";
import { Button } from "./ui/button";

type Props = {
  model: MemoryModelDto;
  automaticEvery: number;
  timeZone: string;
};

/** The settings page's memory model: what is in use, the latest fit, and the sets used before. */
export function MemoryModel({ model, automaticEvery, timeZone }: Props) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const router = useRouter();
  const [fitState, fit, isStarting] = useActionState<MemoryModelState>(fitMemoryModelAction, {});
  const [restoreState, restore, isRestoring] = useActionState<MemoryModelState, FormData>(restoreParametersAction, {});
  // From the moment a fit is started here until the server says it is done.
  const [isWaiting, setWaiting] = useState(false);
  useEffect(() => {
    if (fitState.status === "started" || fitState.status === "running") setWaiting(true);
  }, [fitState]);
  const isFitting = model.isFitting || isWaiting;
  const date = (value: Date | string) =>
    format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short", timeZone });

  // While a fit runs, ask every two seconds whether it is done, then show its outcome (and
  // stop asking after five failed asks: the page shows the outcome on the next visit).
  useEffect(() => {
    if (!isFitting) return;
    let failures = 0;
    let isAsking = false;
    const timer = setInterval(async () => {
      if (isAsking) return;
      isAsking = true;
      const response = await fetch("/api/settings/memory-model", { cache: "no-store" }).catch(() => null);
      const latest = response?.ok ? ((await response.json()) as { isFitting: boolean }) : null;
      isAsking = false;
      if (!latest) failures++;
      if (failures >= 5 || (latest && !latest.isFitting)) {
        clearInterval(timer);
        setWaiting(false);
        router.refresh();
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [isFitting, router]);

  const { inUse, latest } = model;
  const rmse = (value: number | null) => format.number(value ?? 0, { style: "percent", maximumFractionDigits: 1 });
  const logLoss = (value: number | null) => format.number(value ?? 0, { maximumFractionDigits: 3 });
  const inUseText =
    inUse.weights.length === 0 || !inUse.since
      ? t("modelInUseDefaults")
      : t(inUse.source === "fitted" ? "modelInUseFitted" : "modelInUseRestored", { date: date(inUse.since) });
  return (
    <section className="space-y-3" aria-labelledby="model-title" data-testid="memory-model">
      <h2 id="model-title" className="text-xl font-semibold">
        {t("modelTitle")}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("modelIntro")}</p>
      <p className="text-sm font-medium" data-testid="model-in-use">
        {inUseText}
      </p>
      <p className="text-sm">
        {t("modelReviews", { count: model.reviews })} {t("modelAutomatic", { count: format.number(automaticEvery) })}
      </p>
      {latest && (
        <div
          className="space-y-1 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          data-testid="model-latest"
        >
          <p className="text-zinc-600 dark:text-zinc-400">
            {t("modelLatest", { date: date(latest.createdAt), trigger: latest.trigger })}
          </p>
          <p role="status">
            {t(`outcome-${latest.outcome as "adopted" | "kept" | "too-few" | "unavailable" | "failed"}`, {
              reviews: format.number(latest.reviews),
              needed: format.number(latest.needed),
              percent: Math.max(
                0,
                Math.round((((latest.currentRmse ?? 0) - (latest.rmse ?? 0)) / (latest.currentRmse || 1)) * 100),
              ),
            })}
          </p>
          {latest.rmse !== null && (
            <p className="text-zinc-600 dark:text-zinc-400">
              {t("modelMeasure", {
                fittedRmse: rmse(latest.rmse),
                fittedLogLoss: logLoss(latest.logLoss),
                currentRmse: rmse(latest.currentRmse),
                currentLogLoss: logLoss(latest.currentLogLoss),
              })}
            </p>
          )}
        </div>
      )}
      {isFitting ? (
        <p role="status" className="text-sm" data-testid="model-fitting">
          {t("modelFitting")}
        </p>
      ) : (
        <form action={fit}>
          <Button type="submit" disabled={isStarting}>
            {t("modelFit")}
          </Button>
        </form>
      )}
      {fitState.status === "running" && <p className="text-sm">{t("modelRunning")}</p>}
      {restoreState.status === "done" && <p className="text-sm">{t("modelSwitched")}</p>}
      {(restoreState.status === "not-found" || restoreState.status === "invalid") && (
        <p className="text-sm text-red-700">{t("modelNotFound")}</p>
      )}
      {restoreState.status === "running" && <p className="text-sm">{t("modelRunning")}</p>}
      {model.versions.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">{t("modelVersions")}</h3>
          <ul className="space-y-2 text-sm">
            {model.versions.map((version) => (
              <li key={version.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {date(version.createdAt)} · {t(`version-${version.source as "fitted" | "defaults" | "restored"}`)}
                  {version.isInUse ? ` · ${t("versionInUse")}` : ""}
                </span>
                {!version.isInUse && (
                  <form action={restore}>
                    <input type="hidden" name="version" value={version.id} />
                    <Button type="submit" variant="secondary" disabled={isRestoring || isFitting}>
                      {t("versionUse")}
                    </Button>
                  </form>
                )}
                {version.weights.length > 0 && (
                  <details className="w-full">
                    <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{t("modelWeights")}</summary>
                    <code className="break-all text-xs">{version.weights.map((w) => w.toFixed(4)).join(", ")}</code>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {inUse.weights.length > 0 && (
        <form action={restore}>
          <input type="hidden" name="version" value="defaults" />
          <Button type="submit" variant="secondary" disabled={isRestoring || isFitting}>
            {t("useDefaults")}
          </Button>
        </form>
      )}
    </section>
  );
}
