/**
 * `npm run bench:memory-fit`: fitting a person's FSRS parameters from review logs of
 * 10,000, 50,000 and 200,000 answers (a simulated learner whose memory follows FSRS with
 * parameters of its own), as the app's fit runs it on its worker thread: the log read from
 * the CSV the app exports, fitted on each earlier part and judged on the next (three
 * time-series splits), then fitted on the whole; and, in the same run, one fit of the
 * whole log alone and the card memories rebuilt under the new parameters. Also how long
 * the fitting thread's event loop was held at most (reading the log into the optimizer's
 * items and judging are synchronous: why the app fits on a worker thread).
 */
import { fitFromReviews, readItems, replayLog } from "../app/_server/memory-fit.ts";
import { loadOptimizer } from "../app/_server/memory-fit-worker.ts";
import { ownWeights, reviewsCsv, simulateReviews } from "../tests/support/simulated-learner.ts";

const optimizer = await loadOptimizer();
if (!optimizer) throw new Error("the FSRS optimizer (@open-spaced-repetition/binding) did not load");
// A person in Tokyo whose study day starts at 4:00.
const day = { timeZone: "Asia/Tokyo", dayStartHour: 4 };
const truth = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false, weights: ownWeights };

const time = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
};

for (const reviews of (process.env.BENCH_REVIEWS ?? "10000,50000,200000").split(",").map(Number)) {
  const cards = Array.from(
    { length: Math.max(100, reviews / 25) },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  );
  const csv = reviewsCsv(simulateReviews(truth, cards, reviews, 11).rows);
  let held = 0;
  let last = performance.now();
  const watch = setInterval(() => {
    held = Math.max(held, performance.now() - last - 5);
    last = performance.now();
  }, 5);
  const [result, fit] = await time(() => fitFromReviews(optimizer, { csv, day, current: [] }));
  clearInterval(watch);
  if (result.outcome !== "fitted") throw new Error(`not fitted: ${result.outcome}`);
  const items = readItems(optimizer, csv, day);
  const [, once] = await time(() =>
    optimizer.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 }),
  );
  const [, replay] = await time(() => replayLog(csv, result.weights, day));
  console.log(
    `${reviews} reviews (${cards.length} cards): fit and judge ${(fit / 1000).toFixed(1)} s, one fit ${(once / 1000).toFixed(1)} s, cards rebuilt ${replay.toFixed(0)} ms, fitting thread held at most ${held.toFixed(0)} ms; held-out log loss ${result.fitted.logLoss.toFixed(3)} vs defaults ${result.current.logLoss.toFixed(3)}, RMSE ${(result.fitted.rmse * 100).toFixed(1)}% vs ${(result.current.rmse * 100).toFixed(1)}%`,
  );
}
