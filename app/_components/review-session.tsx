"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TypedResult } from "@/app/_lib/answer-check";
import { safeBreadcrumb } from "@/app/_lib/breadcrumb";
import type { ReviewCardDto, ReviewQueueDto } from "@/app/_lib/review-dto";
import { CardText } from "./card-text";

type Grade = 1 | 2 | 3 | 4;
type Phase = { kind: "question" } | { kind: "answer"; typed?: TypedResult; picked?: string };
type Stats = { reviewed: number; correct: number; startedAt: number };

const gradeKeys: Grade[] = [1, 2, 3, 4];

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

async function fetchQueue(deck: string | null, section: string[]): Promise<ReviewQueueDto> {
  const query = new URLSearchParams([...(deck ? [["deck", deck]] : []), ...section.map((part) => ["section", part])]);
  const response = await fetch(`/api/review/queue?${query}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`queue: ${response.status}`);
  return response.json();
}

type Props = { initial: ReviewQueueDto; deck: string | null; section?: string[] };

/** A key pressed before the page was interactive, kept by <EarlyKeys /> until now. */
type EarlyKey = { key: string; inField: boolean };

declare global {
  interface Window {
    __kiokuKeys?: EarlyKey[] | null;
  }
}

export function ReviewSession({ initial, deck, section = [] }: Props) {
  const t = useTranslations("review");
  const format = useFormatter();
  const [queue, setQueue] = useState(initial);
  const [phase, setPhase] = useState<Phase>({ kind: "question" });
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [stats, setStats] = useState<Stats>({ reviewed: 0, correct: 0, startedAt: Date.now() });
  const [pendingKeys, setPendingKeys] = useState<EarlyKey[]>([]);
  const shownAt = useRef(Date.now());
  const typedField = useRef<HTMLInputElement>(null);
  const counted = useRef(new Set<string>());
  const card: ReviewCardDto | undefined = queue.cards[0];
  // One id per card shown: an answer sent again after a lost response is a replay, not a second answer.
  const answerId = useMemo(() => (card ? crypto.randomUUID() : ""), [card]);
  const options = useMemo(() => (card?.kind === "choice" ? shuffle([card.answer, ...card.choices]) : []), [card]);

  const reload = useCallback(async () => {
    setQueue(await fetchQueue(deck, section));
    setPhase({ kind: "question" });
    setTyped("");
    shownAt.current = Date.now();
  }, [deck, section]);

  // Every call to the server: the page is busy meanwhile, and a network failure is said,
  // never left hanging (the same key or button tries again).
  const run = useCallback(
    async (task: () => Promise<void>) => {
      setBusy(true);
      try {
        await task();
      } catch {
        setNotice(t("networkError"));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const reveal = useCallback(async () => {
    if (!card || phase.kind !== "question") return;
    if (card.kind !== "typed") return setPhase({ kind: "answer" });
    // The checker (and its diff library) loads with the first typed card, not with the page.
    const { checkTypedAnswer } = await import("@/app/_lib/answer-check");
    setPhase({ kind: "answer", typed: checkTypedAnswer(typed, card.answer, card.accepted) });
  }, [card, phase, typed]);

  const grade = useCallback(
    async (value: Grade) => {
      if (!card || phase.kind !== "answer" || busy) return;
      await run(async () => {
        const response = await fetch("/api/review/answers", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            cardId: card.id,
            grade: value,
            answerId,
            version: card.version,
            durationMs: Math.min(Date.now() - shownAt.current, 3_600_000),
          }),
        });
        setNotice(response.status === 409 ? t("movedOn") : null);
        // Each answer counts once, also when it is sent again after a lost response.
        if (response.ok && !counted.current.has(answerId)) {
          counted.current.add(answerId);
          setStats((s) => ({ ...s, reviewed: s.reviewed + 1, correct: s.correct + (value > 1 ? 1 : 0) }));
        }
        await reload();
      });
    },
    [card, phase, busy, answerId, run, reload, t],
  );

  const undo = useCallback(async () => {
    if (busy) return;
    await run(async () => {
      const response = await fetch("/api/review/undo", { method: "POST" });
      setNotice(response.ok ? t("undone") : t("nothingToUndo"));
      if (response.ok) setStats((s) => ({ ...s, reviewed: Math.max(0, s.reviewed - 1) }));
      await reload();
    });
  }, [busy, run, reload, t]);

  const act = useCallback(
    async (action: "suspend" | "bury" | "forget") => {
      if (!card || busy) return;
      await run(async () => {
        const response = await fetch(`/api/review/cards/${card.id}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ action }),
        });
        setNotice(response.ok ? t(`${action}Done`) : null);
        await reload();
      });
    },
    [card, busy, run, reload, t],
  );

  /** What a key does; true when it was the page's (so the browser should not also act on it). */
  const handleKey = useCallback(
    (key: string, inField: boolean): boolean => {
      if ((key === " " && !inField) || key === "Enter") {
        if (phase.kind !== "question") return false;
        void reveal();
        return true;
      }
      if (inField) return false;
      // A choice card's options are picked by their number, then the same keys grade.
      const option = card?.kind === "choice" && phase.kind === "question" ? options[Number(key) - 1] : undefined;
      if (option !== undefined && /^[1-9]$/.test(key)) setPhase({ kind: "answer", picked: option });
      else if (phase.kind === "answer" && ["1", "2", "3", "4"].includes(key)) void grade(Number(key) as Grade);
      else if (key === "z" || key === "Z") void undo();
      else if (key === "s" || key === "S") void act("suspend");
      else if (key === "b" || key === "B") void act("bury");
      else return false;
      return true;
    },
    [card, options, phase, reveal, grade, undo, act],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Enter while an IME is composing confirms the composition, not the answer.
      if (event.isComposing || event.keyCode === 229) return;
      if (handleKey(event.key, event.target instanceof HTMLInputElement)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handleKey]);

  // Keys pressed before hydration: what was typed into the answer field is already in
  // it; the rest are played now, one at a time, each once the page is ready for it.
  useEffect(() => {
    const early = window.__kiokuKeys ?? [];
    window.__kiokuKeys = null;
    if (typedField.current?.value) setTyped(typedField.current.value);
    if (early.length > 0) setPendingKeys(early);
  }, []);
  useEffect(() => {
    const [next, ...rest] = pendingKeys;
    if (!next || busy) return;
    setPendingKeys(rest);
    handleKey(next.key, next.inField);
  }, [pendingKeys, busy, handleKey]);

  if (!card) {
    const minutes = Math.round((Date.now() - stats.startedAt) / 60_000);
    return (
      <section aria-labelledby="done" className="space-y-3">
        <h1 id="done" className="text-2xl font-bold">
          {t("doneTitle")}
        </h1>
        <p>
          {t("summary", {
            reviewed: stats.reviewed,
            accuracy: stats.reviewed ? Math.round((100 * stats.correct) / stats.reviewed) : 0,
            minutes,
          })}
        </p>
        {queue.nextLearningAt && (
          <p>{t("nextLearning", { time: format.dateTime(new Date(queue.nextLearningAt), { timeStyle: "short" }) })}</p>
        )}
        {queue.nextDueAt && (
          <p data-testid="next-due">
            {t("nextDue", {
              date: format.dateTime(new Date(queue.nextDueAt), { dateStyle: "full" }),
              time: format.dateTime(new Date(queue.nextDueAt), { timeStyle: "short" }),
            })}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
      </section>
    );
  }

  // A checked answer suggests a grade (Good when right, Again when not); any can be picked.
  const suggested: Grade | undefined =
    phase.kind !== "answer"
      ? undefined
      : (phase.typed?.suggestedGrade ?? (phase.picked ? (phase.picked === card.answer ? 3 : 1) : undefined));

  return (
    <section aria-label={t("title")} className="space-y-6">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {t("left", queue.left)}
      </p>
      <p className="text-xs text-zinc-500" lang={card.language}>
        {safeBreadcrumb(card.section, [card.answer, ...card.accepted], card.choices).join(" › ")}
      </p>
      <h1 className="text-2xl font-semibold whitespace-pre-wrap" lang={card.language}>
        <CardText text={card.prompt} />
      </h1>
      {card.kind === "typed" && phase.kind === "question" && (
        <label className="block space-y-1">
          <span className="text-sm">{t("typeCommand")}</span>
          <input
            className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono dark:border-zinc-700 dark:bg-zinc-900"
            ref={typedField}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            // biome-ignore lint/a11y/noAutofocus: the answer field is the point of a typed card.
            autoFocus
          />
        </label>
      )}
      {card.kind === "choice" && phase.kind === "question" && (
        <ul className="space-y-2">
          {options.map((option, index) => (
            <li key={option}>
              <button
                type="button"
                lang={card.language}
                className="flex w-full gap-3 rounded-md border px-3 py-2 text-left"
                aria-keyshortcuts={String(index + 1)}
                onClick={() => setPhase({ kind: "answer", picked: option })}
              >
                <kbd className="font-mono text-zinc-500">{index + 1}</kbd>
                <span>
                  <CardText text={option} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {phase.kind === "question" ? (
        card.kind !== "choice" && (
          <button
            type="button"
            className="rounded-md bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900"
            onClick={() => void reveal()}
          >
            {t(card.kind === "typed" ? "check" : "showAnswer")}
          </button>
        )
      ) : (
        <div className="space-y-4">
          <div className="rounded-md border border-zinc-300 p-4 dark:border-zinc-700">
            <p className="text-sm text-zinc-500">{t("answer")}</p>
            <p className="text-lg font-medium whitespace-pre-wrap" data-testid="answer" lang={card.language}>
              <CardText text={card.answer} />
            </p>
            {phase.typed && (
              <p role="status" className="mt-2 font-mono text-sm">
                {phase.typed.isCorrect ? t("typedCorrect") : t("typedWrong")}{" "}
                {phase.typed.diff.map((part) => (
                  <span
                    key={part.position}
                    className={
                      part.status === "missing"
                        ? "text-red-700 underline"
                        : part.status === "extra"
                          ? "text-red-700 line-through"
                          : ""
                    }
                  >
                    {part.token}{" "}
                  </span>
                ))}
              </p>
            )}
            {phase.picked && (
              <p role="status" className="mt-2">
                {phase.picked === card.answer ? (
                  t("typedCorrect")
                ) : (
                  <>
                    {t("pickedWrong")}{" "}
                    <span lang={card.language}>
                      <CardText text={phase.picked} />
                    </span>
                  </>
                )}
              </p>
            )}
            <p className="mt-2 text-xs text-zinc-500">
              {card.source.lines[0] === card.source.lines[1]
                ? t("sourceLine", { path: card.source.path, line: card.source.lines[0] })
                : t("source", { path: card.source.path, start: card.source.lines[0], end: card.source.lines[1] })}
            </p>
          </div>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {gradeKeys.map((value) => (
              <button
                key={value}
                type="button"
                disabled={busy}
                onClick={() => void grade(value)}
                className={`rounded-md border px-3 py-2 ${value === suggested ? "ring-2 ring-blue-600 dark:ring-blue-400" : ""}`}
                aria-keyshortcuts={String(value)}
              >
                <span className="block font-medium">{t(`grade${value}`)}</span>
                <span className="block text-xs">
                  {format.relativeTime(new Date(card.intervals[value]), new Date(queue.now))}
                </span>
                {value === suggested && <span className="block text-xs font-medium">{t("suggested")}</span>}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="flex gap-3 text-sm">
        <button type="button" className="underline" onClick={() => void undo()} aria-keyshortcuts="z">
          {t("undo")}
        </button>
        <button type="button" className="underline" onClick={() => void act("suspend")} aria-keyshortcuts="s">
          {t("suspend")}
        </button>
        <button type="button" className="underline" onClick={() => void act("bury")} aria-keyshortcuts="b">
          {t("bury")}
        </button>
        <button type="button" className="underline" onClick={() => void act("forget")}>
          {t("forget")}
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
