"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { answerQuestionAction } from "@/app/(study)/quiz/actions";
import { CardText } from "./card-text";
import { Button } from "./ui/button";

export type SessionQuestion = {
  position: number;
  format: "multiple-choice" | "typed" | "true-false" | "cloze";
  prompt: string;
  shownAnswer: string | null;
  options: string[];
  answered: boolean;
};

type Props = { testId: string; language: string; endsAt: string | null; questions: SessionQuestion[] };
type Feedback = { isCorrect: boolean; rightAnswers: string[] | null };

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

export function QuizSession({ testId, language, endsAt, questions }: Props) {
  const t = useTranslations("quiz");
  const router = useRouter();
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      questions.findIndex((question) => !question.answered),
    ),
  );
  const [answer, setAnswer] = useState("");
  const [confidence, setConfidence] = useState<"sure" | "unsure" | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [status, setStatus] = useState<"idle" | "busy" | "network">("idle");
  const [left, setLeft] = useState(() => (endsAt ? Date.parse(endsAt) - Date.now() : null));
  const shownAt = useRef(Date.now());
  const question = questions[index];

  useEffect(() => {
    if (!endsAt) return;
    const timer = setInterval(() => {
      const rest = Date.parse(endsAt) - Date.now();
      setLeft(rest);
      if (rest <= 0) router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [endsAt, router]);

  const next = useCallback(() => {
    setFeedback(null);
    setAnswer("");
    setConfidence(null);
    shownAt.current = Date.now();
    if (index + 1 >= questions.length) router.refresh();
    else setIndex(index + 1);
  }, [index, questions.length, router]);

  const submit = useCallback(async () => {
    if (!question || status === "busy" || answer === "") return;
    setStatus("busy");
    try {
      const durationMs = Date.now() - shownAt.current;
      const result = await answerQuestionAction({
        testId,
        position: question.position,
        answer,
        confidence,
        durationMs,
      });
      setStatus("idle");
      if ("error" in result) {
        if (result.error === "time-up") router.refresh();
        else if (result.error === "already-answered") next();
        return;
      }
      if (result.finished && !result.rightAnswers) return router.refresh();
      if (result.rightAnswers) setFeedback({ isCorrect: result.isCorrect, rightAnswers: result.rightAnswers });
      else next();
    } catch {
      setStatus("network");
    }
  }, [question, status, answer, testId, confidence, router, next]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.keyCode === 229 || !question) return;
      const inField = event.target instanceof HTMLInputElement;
      if (event.key === "Enter") {
        event.preventDefault();
        if (feedback) next();
        else void submit();
        return;
      }
      if (feedback) return;
      // In the answer field letters are the answer: the arrows, which a one-line field does not need, rate confidence.
      if (inField) {
        if (event.key === "ArrowUp" || event.key === "ArrowDown") {
          event.preventDefault();
          setConfidence(event.key === "ArrowUp" ? "sure" : "unsure");
        }
        return;
      }
      const option = question.options[Number(event.key) - 1];
      if (/^[1-9]$/.test(event.key) && option !== undefined) setAnswer(option);
      else if (event.key === "s" || event.key === "S") setConfidence("sure");
      else if (event.key === "u" || event.key === "U") setConfidence("unsure");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [question, feedback, next, submit]);

  if (!question) return null;
  const label = (option: string) => (question.format === "true-false" ? t(option as "true" | "false") : option);
  return (
    <section aria-label={t("title")} className="space-y-5">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("progress", { current: index + 1, total: questions.length })}
        {left !== null && ` · ${t("timeLeft", { time: clock(left) })}`}
      </p>
      <h1 className="text-2xl font-semibold whitespace-pre-wrap" lang={language}>
        <CardText text={question.prompt} />
      </h1>
      {question.shownAnswer && (
        <p className="text-lg" lang={language}>
          {t("shownAnswer", { answer: "" })}
          <CardText text={question.shownAnswer} />
        </p>
      )}
      {question.options.length > 0 ? (
        <fieldset className="space-y-2" disabled={feedback !== null}>
          <legend className="sr-only">{t("yourAnswer")}</legend>
          {question.options.map((option, i) => (
            <label key={option} className="flex items-center gap-3 rounded-md border px-3 py-2">
              <input type="radio" name="option" checked={answer === option} onChange={() => setAnswer(option)} />
              <kbd className="font-mono text-zinc-500">{i + 1}</kbd>
              <span lang={language}>
                <CardText text={label(option)} />
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <label className="block space-y-1">
          <span className="text-sm">{t("yourAnswer")}</span>
          <input
            className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono dark:border-zinc-700 dark:bg-zinc-900"
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
            readOnly={feedback !== null}
            autoComplete="off"
            spellCheck={false}
            // biome-ignore lint/a11y/noAutofocus: the answer field is the point of the question.
            autoFocus
          />
        </label>
      )}
      <fieldset className="flex gap-4 text-sm" disabled={feedback !== null}>
        <legend className="sr-only">{t("sure")}</legend>
        {(["sure", "unsure"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="confidence"
              checked={confidence === value}
              onChange={() => setConfidence(value)}
            />
            {t(value)}
          </label>
        ))}
      </fieldset>
      {feedback && (
        <div role="status" className="rounded-md border p-3" lang={language}>
          {feedback.isCorrect ? t("right") : t("wrong")}{" "}
          {!feedback.isCorrect && <CardText text={label(feedback.rightAnswers?.[0] ?? "")} />}
        </div>
      )}
      {status === "network" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("networkError")}
        </p>
      )}
      {feedback ? (
        <Button onClick={next}>{t("next")}</Button>
      ) : (
        <Button onClick={() => void submit()} disabled={status === "busy" || answer === ""}>
          {t("submit")}
        </Button>
      )}
    </section>
  );
}
