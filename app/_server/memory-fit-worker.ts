/** A worker thread (memory-model.ts) that fits a person's parameters and replays their log. */
import { type FitInput, type FitOutput, fitFromReviews, loadOptimizer, replayLog } from "./memory-fit";

export default async function fit(input: FitInput): Promise<FitOutput> {
  const optimizer = await loadOptimizer();
  return optimizer ? fitFromReviews(optimizer, input) : { outcome: "unavailable" };
}

export function replay({ csv, weights }: { csv: string; weights: number[] }) {
  return replayLog(csv, weights);
}
