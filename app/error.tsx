"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <button type="button" className="rounded-md border px-3 py-1" onClick={() => reset()}>
        {t("retry")}
      </button>
    </div>
  );
}
