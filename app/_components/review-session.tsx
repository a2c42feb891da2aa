"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TypedResult } from "@/app/_lib/answer-check";
import { AnswerOutbox, type Settled } from "@/app/_lib/answer-outbox";
import { safeBreadcrumb } from "@/app/_lib/breadcrumb";
import type { ReviewCardDto, ReviewQueueDto } from "@/app/_lib/review-dto";
import { CardText } from "./card-text";

type Grade = 1 | 2 | 3 | 4;
type Phase = { kind: "question" } | { kind: "answer"; typed?: TypedResult; picked?: string };
type Stats = { reviewed: number; correct: number; startedAt: number };
type Checker = typeof import("@/app/_lib/answer-check");
/** A card with the server's time it was fetched at: its grade intervals are shown from then. */
type SessionCard = ReviewCardDto & { fetchedAt: string };
/** An answer given on this page, for undo. */
type Given = { card: SessionCard; answerId: string; grade: Grade };
const withTime = (queue: ReviewQueueDto): SessionCard[] =>
  queue.cards.map((card) => ({ ...card, fetchedAt: queue.now }));

const gradeKeys: Grade[] = [1, 2, 3, 4];
// Fewer cards than this ahead: more are fetched in the background.
const refillBelow = 10;

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

type Props = { initial: ReviewQueueDto; deck: string | null; section?: string[]; owner: string };

/** A key pressed before the page was interactive, kept by <EarlyKeys /> until now. */
type EarlyKey = { key: string; inField: boolean };

declare global {
  interface Window {
    __kiokuKeys?: EarlyKey[] | null;
  }
}

/**
 * The review session. The next card is shown from what the page holds as soon as a
 * grade is given; the answer waits in the browser (AnswerOutbox) until the server has it,
 * and the queue is fetched again in the background when few cards are left, when every
 * answer is saved, and when a learning card comes due. So neither a slow nor a lost
 * connection holds the person up: they go on through the cards already loaded.
 */
export function ReviewSession({ initial, deck, section = [], owner }: Props) {
  const t = useTranslations("review");
  const format = useFormatter();
  const [cards, setCards] = useState(() => withTime(initial));
  const [left, setLeft] = useState(initial.left);
  const [later, setLater] = useState(initial);
  const [phase, setPhase] = useState<Phase>({ kind: "question" });
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [isReady, setIsReady] = useState(false);
  const [isChecking, setIsChecking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [waiting, setWaiting] = useState({ count: 0, isFailing: false });
  const [isOnline, setIsOnline] = useState(true);
  const [stats, setStats] = useState<Stats>({ reviewed: 0, correct: 0, startedAt: Date.now() });
  const [pendingKeys, setPendingKeys] = useState<EarlyKey[]>([]);
  const shownAt = useRef(Date.now());
  const typedField = useRef<HTMLInputElement>(null);
  const checker = useRef<Checker | null>(null);
  const outbox = useRef<AnswerOutbox | null>(null);
  const given = useRef<Given[]>([]);
  // Cards answered on this page: when the server had the answer (Infinity while waiting).
  const savedAt = useRef(new Map<string, number>());
  const refilling = useRef<Promise<void> | null>(null);
  const card: SessionCard | undefined = cards[0];
  const cardsRef = useRef(cards);
  cardsRef.current = cards;
  const options = useMemo(() => (card?.kind === "choice" ? shuffle([card.answer, ...card.choices]) : []), [card]);

  // The queue as the server has it now, without the cards whose answers it may not have
  // counted yet; the card on screen stays. `first`: a card to put first (an undone one).
  const refill = useCallback(
    (first?: string): Promise<void> => {
      if (refilling.current && !first) return refilling.current;
      const startedAt = performance.now();
      const task = (async () => {
        try {
          const fresh = await fetchQueue(deck, section);
          const isStale = (id: string) => (savedAt.current.get(id) ?? Number.NEGATIVE_INFINITY) > startedAt;
          setCards((current) => {
            const shown = first ? undefined : current[0];
            const upcoming = withTime(fresh).filter((next) => next.id !== shown?.id && !isStale(next.id));
            const front = upcoming.findIndex((next) => next.id === first);
            if (front > 0) upcoming.unshift(...upcoming.splice(front, 1));
            return shown ? [shown, ...upcoming] : upcoming;
          });
          if (![...savedAt.current.values()].some((at) => at > startedAt)) setLeft(fresh.left);
          setLater(fresh);
        } catch {
          // Offline: the session goes on with the cards it holds.
        } finally {
          refilling.current = null;
        }
      })();
      refilling.current = task;
      return task;
    },
    [deck, section],
  );

  const settle = useCallback(
    (settled: Settled) => {
      const { answer } = settled;
      if (settled.kind === "saved") {
        savedAt.current.set(answer.cardId, performance.now());
        if (outbox.current?.waiting === 0) void refill();
        return;
      }
      // Answered elsewhere first, or gone: out of this session, and not counted here.
      savedAt.current.set(answer.cardId, performance.now());
      given.current = given.current.filter((g) => g.answerId !== answer.answerId);
      setCards((current) => current.filter((next) => next.id !== answer.cardId));
      setStats((s) => ({
        ...s,
        reviewed: Math.max(0, s.reviewed - 1),
        correct: s.correct - (answer.grade > 1 ? 1 : 0),
      }));
      if (settled.kind === "moved-on") setNotice(t("answeredElsewhere"));
    },
    [refill, t],
  );

  // The answers earlier pages left unsent are sent first; their cards are not shown again.
  useEffect(() => {
    const box = new AnswerOutbox(owner, {
      onChange: (count, isFailing) => setWaiting({ count, isFailing }),
      onSettled: (settled) => settleRef.current(settled),
      onSignedOut: () => setNotice(t("signedOut")),
    });
    outbox.current = box;
    void box.start().then(({ waiting: kept, saved }) => {
      for (const answer of kept) savedAt.current.set(answer.cardId, Number.POSITIVE_INFINITY);
      const held = new Set(kept.map((answer) => answer.cardId));
      // Also cards this page shows at a version older than one already answered (a page
      // kept for offline use, served again).
      const isOld = (next: SessionCard) => next.version < (saved.get(next.id) ?? 0);
      const gone = cardsRef.current.filter((next) => held.has(next.id) || isOld(next));
      setCards((current) => current.filter((next) => !gone.includes(next)));
      setLeft((counts) => {
        const fewer = { ...counts };
        for (const next of gone) fewer[next.queue] = Math.max(0, fewer[next.queue] - 1);
        return fewer;
      });
      setIsReady(true);
    });
    // The typed-answer checker is fetched now, not when the first typed card is checked.
    void import("@/app/_lib/answer-check").then((module) => {
      checker.current = module;
    });
    return () => box.stop();
  }, [owner, t]);
  const settleRef = useRef(settle);
  settleRef.current = settle;

  useEffect(() => {
    const update = () => setIsOnline(navigator.onLine);
    update();
    addEventListener("online", update);
    addEventListener("offline", update);
    return () => {
      removeEventListener("online", update);
      removeEventListener("offline", update);
    };
  }, []);

  // More cards before the page runs out, and learning cards when they come due.
  useEffect(() => {
    if (isReady && cards.length < refillBelow) void refill();
  }, [isReady, cards.length, refill]);
  useEffect(() => {
    if (!later.nextLearningAt) return;
    const wait = new Date(later.nextLearningAt).getTime() - new Date(later.now).getTime();
    const timer = setTimeout(() => void refill(), Math.max(1000, wait + 500));
    return () => clearTimeout(timer);
  }, [later, refill]);

  // A server call the person waits for (undo of a saved answer, suspend, bury, forget): a
  // network failure is said, never left hanging (the same key or button tries again).
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

  const show = useCallback(() => {
    setPhase({ kind: "question" });
    setTyped("");
    shownAt.current = Date.now();
  }, []);

  const reveal = useCallback(async () => {
    if (!card || phase.kind !== "question") return;
    if (card.kind !== "typed") return setPhase({ kind: "answer" });
    let check = checker.current;
    if (!check) {
      // Not loaded yet: the keys that follow wait for the check.
      setIsChecking(true);
      check = await import("@/app/_lib/answer-check").finally(() => setIsChecking(false));
    }
    setPhase({ kind: "answer", typed: check.checkTypedAnswer(typed, card.answer, card.accepted) });
  }, [card, phase, typed]);

  const grade = useCallback(
    (value: Grade) => {
      const box = outbox.current;
      if (!card || !box || !isReady || phase.kind !== "answer") return;
      const answerId = crypto.randomUUID();
      given.current.push({ card, answerId, grade: value });
      savedAt.current.set(card.id, Number.POSITIVE_INFINITY);
      void box.add({
        answerId,
        cardId: card.id,
        grade: value,
        version: card.version,
        durationMs: Math.min(Date.now() - shownAt.current, 3_600_000),
        answeredAt: Date.now(),
      });
      setCards((current) => current.slice(1));
      setLeft((counts) => ({ ...counts, [card.queue]: Math.max(0, counts[card.queue] - 1) }));
      setStats((s) => ({ ...s, reviewed: s.reviewed + 1, correct: s.correct + (value > 1 ? 1 : 0) }));
      setNotice(null);
      show();
    },
    [card, phase, isReady, show],
  );

  const undo = useCallback(async () => {
    const box = outbox.current;
    if (busy || !box) return;
    const last = given.current.pop();
    const putBack = (back: SessionCard) => {
      setCards((current) => [back, ...current.filter((next) => next.id !== back.id)]);
      setStats((s) => ({
        ...s,
        reviewed: Math.max(0, s.reviewed - 1),
        correct: s.correct - (last && last.grade > 1 ? 1 : 0),
      }));
      setNotice(t("undone"));
      show();
    };
    // Still waiting in the browser: it never reaches the server.
    if (last && (await box.takeBack(last.answerId))) {
      savedAt.current.delete(last.card.id);
      setLeft((counts) => ({ ...counts, [last.card.queue]: counts[last.card.queue] + 1 }));
      return putBack(last.card);
    }
    // The newest answer is one an earlier page left waiting: taken back, its card fetched again.
    const newest = box.newest;
    if (!last && newest && (await box.takeBack(newest.answerId))) {
      savedAt.current.delete(newest.cardId);
      setNotice(t("undone"));
      return void refill(newest.cardId);
    }
    await run(async () => {
      // On its way: undone once the server has it; one it refused has nothing to undo.
      const outcome = last ? await box.settled(last.answerId) : undefined;
      if (outcome && outcome !== "saved") return setNotice(t("nothingToUndo"));
      // Answers an earlier page left waiting are saved first: the last answer is the newest.
      await box.drained();
      const response = await fetch("/api/review/undo", { method: "POST" });
      if (!response.ok) return setNotice(t("nothingToUndo"));
      const undone = (await response.json()) as { cardId: string; version: number };
      savedAt.current.set(undone.cardId, performance.now());
      await refill(undone.cardId);
      if (last?.card.id === undone.cardId) setStats((s) => ({ ...s, reviewed: Math.max(0, s.reviewed - 1) }));
      setNotice(t("undone"));
      show();
    });
  }, [busy, run, refill, show, t]);

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
        if (!response.ok) return;
        setCards((current) => current.filter((next) => next.id !== card.id));
        setLeft((counts) => ({ ...counts, [card.queue]: Math.max(0, counts[card.queue] - 1) }));
        show();
      });
    },
    [card, busy, run, show, t],
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
      else if (phase.kind === "answer" && ["1", "2", "3", "4"].includes(key)) grade(Number(key) as Grade);
      else if (key === "z" || key === "Z") void undo();
      else if (key === "s" || key === "S") void act("suspend");
      else if (key === "b" || key === "B") void act("bury");
      else return false;
      return true;
    },
    [card, options, phase, reveal, grade, undo, act],
  );

  // Keys come in order: while the page is not ready for the next one (the answers kept
  // from earlier are loading, or a server call the person waits for is on its way), keys
  // outside the answer field wait their turn.
  const isHeld = !isReady || busy || isChecking || pendingKeys.length > 0;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Enter while an IME is composing confirms the composition, not the answer.
      if (event.isComposing || event.keyCode === 229) return;
      const inField = event.target instanceof HTMLInputElement;
      // While a typed answer is checked, the field is about to go: its keys wait too.
      if (isHeld && (!inField || isChecking)) {
        if (event.key === " " || isChecking) event.preventDefault();
        setPendingKeys((keys) => [...keys, { key: event.key, inField: inField && !isChecking }]);
        return;
      }
      if (handleKey(event.key, inField)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handleKey, isHeld, isChecking]);

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
    if (!next || busy || isChecking || !isReady) return;
    setPendingKeys(rest);
    handleKey(next.key, next.inField);
  }, [pendingKeys, busy, isChecking, isReady, handleKey]);

  const status =
    waiting.count > 0 ? (
      <p role="status" className="text-sm text-amber-800 dark:text-amber-300" data-testid="waiting">
        {t("waiting", { count: waiting.count })}
        {(!isOnline || waiting.isFailing) && ` ${t("offline")}`}
      </p>
    ) : (
      !isOnline && (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          {t("offlineNothingWaiting")}
        </p>
      )
    );

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
        {later.nextLearningAt && (
          <p>{t("nextLearning", { time: format.dateTime(new Date(later.nextLearningAt), { timeStyle: "short" }) })}</p>
        )}
        {later.nextDueAt && (
          <p data-testid="next-due">
            {t("nextDue", {
              date: format.dateTime(new Date(later.nextDueAt), { dateStyle: "full" }),
              time: format.dateTime(new Date(later.nextDueAt), { timeStyle: "short" }),
            })}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
        {status}
      </section>
    );
  }

  // A checked answer suggests a grade (Good when right, Again when not); any can be picked.
  const suggested: Grade | undefined =
    phase.kind !== "answer"
      ? undefined
      : (phase.typed?.suggestedGrade ?? (phase.picked ? (phase.picked === card.answer ? 3 : 1) : undefined));

  return (
    <section aria-label={t("title")} className="space-y-6" data-card={card.id} data-ready={isReady}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {t("left", left)}
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
                disabled={busy || !isReady}
                onClick={() => void grade(value)}
                className={`rounded-md border px-3 py-2 ${value === suggested ? "ring-2 ring-blue-600 dark:ring-blue-400" : ""}`}
                aria-keyshortcuts={String(value)}
              >
                <span className="block font-medium">{t(`grade${value}`)}</span>
                <span className="block text-xs">
                  {format.relativeTime(new Date(card.intervals[value]), new Date(card.fetchedAt))}
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
      {status}
    </section>
  );
}
