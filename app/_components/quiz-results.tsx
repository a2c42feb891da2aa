import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TestResultsDto } from "@/app/_server/practice-test-view";
import { retakeMissedAction } from "@/app/(study)/quiz/actions";
import { CardText } from "./card-text";
import { Button } from "./ui/button";

const clock = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

export async function QuizResults({
  testId,
  language,
  results,
}: {
  testId: string;
  language: string;
  results: TestResultsDto;
}) {
  const t = await getTranslations("quiz");
  // A true/false question's right answer is said in the interface's words.
  const said = (answer: string | null) =>
    answer === "true" || answer === "false" ? t(answer) : (answer ?? t("noAnswer"));
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h1 className="text-2xl font-bold">{t("results")}</h1>
        <p className="text-xl" data-testid="score">
          {t("score", { right: results.right, total: results.total })}
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("time", { time: clock(results.durationMs) })}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("bySection")}</h2>
        <ul className="space-y-1 text-sm" lang={language}>
          {results.sections.map((section) => (
            <li key={section.section}>
              {section.section}: {section.right} / {section.total}
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("mistakes")}</h2>
        {results.mistakes.length === 0 && <p>{t("noMistakes")}</p>}
        <ol className="space-y-3">
          {results.mistakes.map((mistake) => (
            <li key={mistake.position} className="rounded-md border p-3 text-sm" lang={language}>
              <p className="font-medium">
                <CardText text={mistake.prompt} />
                {mistake.confidence === "sure" && <span className="ml-2 text-red-700">({t("sureMark")})</span>}
              </p>
              <p>
                {t("youAnswered", { answer: "" })}
                <CardText text={said(mistake.answer)} />
              </p>
              <p>
                {t("rightAnswer", { answer: "" })}
                <CardText text={said(mistake.rightAnswers[0] ?? "")} />
              </p>
              <p className="text-xs text-zinc-500">
                {mistake.source.startLine === mistake.source.endLine
                  ? t("sourceLine", { path: mistake.source.path, line: mistake.source.startLine })
                  : t("source", {
                      path: mistake.source.path,
                      start: mistake.source.startLine,
                      end: mistake.source.endLine,
                    })}
              </p>
            </li>
          ))}
        </ol>
      </section>
      <div className="flex gap-3">
        {results.mistakes.length > 0 && (
          <form action={retakeMissedAction}>
            <input type="hidden" name="testId" value={testId} />
            <Button type="submit">{t("retake")}</Button>
          </form>
        )}
        <Link href="/quiz" className="rounded-md border px-4 py-2 text-sm">
          {t("newTest")}
        </Link>
      </div>
    </div>
  );
}
