/** A worker thread (memory-model.ts) that fits a person's parameters and replays their log. */
import { createRequire } from "node:module";
import {
  type FitInput,
  type FitOutput,
  fitFromReviews,
  type OptimizerModule,
  replayLog,
  type StudyDay,
} from "./memory-fit";

// The FSRS optimizer's native module for this platform (an optional dependency: the
// registry has it for Linux x64 with glibc); the package that picks one for any platform
// lists builds for others that are not published, which a clean install refuses.
const nativeOptimizer = "@open-spaced-repetition/binding-linux-x64-gnu";

/** The optimizer, or null where its native code cannot load (the app goes on with the parameters in use). */
export async function loadOptimizer(
  load: () => Promise<OptimizerModule> = async () => createRequire(import.meta.url)(nativeOptimizer),
): Promise<OptimizerModule | null> {
  try {
    const optimizer = await load();
    return typeof optimizer.computeParameters === "function" ? optimizer : null;
  } catch {
    return null;
  }
}

export default async function fit(input: FitInput): Promise<FitOutput> {
  const optimizer = await loadOptimizer();
  return optimizer ? fitFromReviews(optimizer, input) : { outcome: "unavailable" };
}

export function replay({ csv, weights, day }: { csv: string; weights: number[]; day: StudyDay }) {
  return replayLog(csv, weights, day);
}
