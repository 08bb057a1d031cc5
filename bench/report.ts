/** One benchmark figure, printed as one JSON line: the format CI and notes rely on. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  [extra: string]: unknown;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function report(result: BenchResult) {
  const rounded = {
    ...result,
    value: round(result.value),
    baseline: result.baseline === null ? null : round(result.baseline),
    ratio: result.ratio === null ? null : round(result.ratio),
  };
  console.log(JSON.stringify(rounded));
}

/** Repetitions per figure: `fallback`, or BENCH_RUNS (the bench's own test runs a few only: it checks behaviour, not speed). */
export function benchRuns(fallback: number): number {
  const asked = Number(process.env.BENCH_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : fallback;
}
