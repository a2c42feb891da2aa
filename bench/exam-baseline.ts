// The exam plan the straightforward way, for the benchmark: the same order and
// choices as app/_lib/exam-plan.ts, each step through ts-fsrs's whole scheduler (a card
// object per answer, recall read back from it) instead of its memory formulas.
import { applyGrade, type Memory, recallProbability, type SchedulerSettings } from "../app/_lib/scheduling.ts";

const dayMs = 86_400_000;
type Card = { id: string; memory: Memory | null };

export function planWithWholeScheduler(
  cards: Card[],
  now: Date,
  examAt: Date,
  dailySeconds: number,
  settings: SchedulerSettings,
  pace = { secondsPerReview: 8, secondsPerNew: 30 },
): { pulled: number } {
  const tracked = cards.map((card) => ({ ...card }));
  const fresh = tracked.filter((card) => !card.memory);
  const dayCount = Math.ceil((examAt.getTime() - now.getTime()) / dayMs);
  const lastNewDay = Math.max(0, dayCount - 1 - Math.min(7, Math.floor(dayCount / 3)));
  const examRecall = (memory: Memory) => recallProbability(memory, examAt, settings);
  let pulled = 0;
  for (let d = 0; d < dayCount; d++) {
    const at = new Date(now.getTime() + d * dayMs);
    const end = new Date(at.getTime() + dayMs);
    let left = dailySeconds;
    const quota = d > lastNewDay ? fresh.length : Math.ceil(fresh.length / (lastNewDay - d + 1));
    for (let n = 0; n < quota && left >= pace.secondsPerNew; n++) {
      const card = fresh.shift() as Card;
      card.memory = applyGrade(applyGrade({ ...newCard(at) }, 3, at, settings), 3, at, settings);
      left -= pace.secondsPerNew;
    }
    const due = tracked
      .filter((card) => card.memory && card.memory.dueAt < end && card.memory.dueAt < examAt)
      .sort(
        (a, b) =>
          recallProbability(a.memory as Memory, at, settings) - recallProbability(b.memory as Memory, at, settings),
      );
    for (const card of due) {
      if (left < pace.secondsPerReview) break;
      card.memory = applyGrade(card.memory as Memory, 3, at, settings);
      left -= pace.secondsPerReview;
    }
    if (left < pace.secondsPerReview) continue;
    const gains = tracked
      .filter((card) => card.memory && (card.memory.lastReviewAt ?? at) < at && card.memory.dueAt >= end)
      .map((card) => {
        const memory = card.memory as Memory;
        const recall = recallProbability(memory, at, settings);
        const reviewed =
          recall * examRecall(applyGrade(memory, 3, at, settings)) +
          (1 - recall) * examRecall(applyGrade(memory, 1, at, settings));
        return { card, gain: reviewed - examRecall(memory) };
      })
      .filter(({ gain }) => gain > 0)
      .sort((a, b) => b.gain - a.gain)
      .slice(0, Math.floor(left / pace.secondsPerReview));
    for (const { card } of gains) card.memory = applyGrade(card.memory as Memory, 3, at, settings);
    pulled += gains.length;
  }
  return { pulled };
}

const newCard = (at: Date): Memory => ({
  state: 0,
  dueAt: at,
  stability: 0,
  difficulty: 0,
  reps: 0,
  lapses: 0,
  learningStep: 0,
  scheduledDays: 0,
  lastReviewAt: null,
});
