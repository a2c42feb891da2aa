import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SectionMastery } from "@/app/_server/progress";

type Translate = Awaited<ReturnType<typeof getTranslations<"progress">>>;

/** One section: its name, card count, recall now (with a bar), share above target, and its review. */
function SectionLine({
  mastery,
  t,
  percent,
  cardsLabel,
}: {
  mastery: SectionMastery;
  t: Translate;
  percent: (value: number) => string;
  cardsLabel: string;
}) {
  return (
    <span className="inline-flex w-[calc(100%-1.5rem)] flex-wrap items-center gap-x-4 gap-y-1">
      <span className="min-w-48 flex-1 font-medium" lang={mastery.language}>
        {mastery.section.at(-1)}
      </span>
      <span className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
        {t("cards")} {cardsLabel}
      </span>
      <span className="whitespace-nowrap" title={t("recall")}>
        <span className="mr-2 inline-block h-2 w-16 rounded bg-zinc-200 align-middle dark:bg-zinc-800">
          <span
            className="block h-2 rounded bg-blue-600 dark:bg-blue-400"
            style={{ width: `${Math.round(mastery.recall * 100)}%` }}
          />
        </span>
        {t("recall")} {percent(mastery.recall)}
      </span>
      <span className="whitespace-nowrap">
        {t("aboveTarget")} {percent(mastery.aboveTarget)}
      </span>
    </span>
  );
}

/** A review of just this section's cards. */
function ReviewLink({ mastery, t }: { mastery: SectionMastery; t: Translate }) {
  const query = mastery.section.map((part) => `section=${encodeURIComponent(part)}`).join("&");
  return (
    <Link className="whitespace-nowrap text-sm underline" href={`/decks/${mastery.deck}/review?${query}`}>
      {t("reviewSection")}
    </Link>
  );
}

/** Mastery per section as the notes' heading tree: top headings, each opening onto the headings under it. */
export async function MasteryTree({ sections }: { sections: SectionMastery[] }) {
  const [t, format] = await Promise.all([getTranslations("progress"), getFormatter()]);
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 1 });
  // The heading tree, two levels, weakest first at each (the rows come sorted by recall).
  const tops = sections.filter((s) => s.depth === 1);
  const children = (top: SectionMastery) =>
    sections.filter(
      (s) => s.depth === 2 && s.deck === top.deck && s.section.length === 2 && s.section[0] === top.section[0],
    );
  return (
    <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="mastery">
      {tops.map((top) => (
        <li key={`${top.deck}/${top.section.join("/")}`} className="flex items-start gap-4 py-2">
          {/* The link stays outside the summary: a control inside another is not allowed. */}
          <details className="flex-1">
            <summary className="cursor-pointer">
              <SectionLine mastery={top} t={t} percent={percent} cardsLabel={format.number(top.cards)} />
            </summary>
            <ul className="mt-2 space-y-2 border-l border-zinc-200 pl-4 dark:border-zinc-800">
              {children(top).map((child) => (
                <li key={child.section.join("/")}>
                  <SectionLine mastery={child} t={t} percent={percent} cardsLabel={format.number(child.cards)} />{" "}
                  <ReviewLink mastery={child} t={t} />
                </li>
              ))}
            </ul>
          </details>
          <ReviewLink mastery={top} t={t} />
        </li>
      ))}
    </ul>
  );
}
