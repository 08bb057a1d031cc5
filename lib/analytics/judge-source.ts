/**
 * A finished judge run as a chart's label source: `source=@judge:<run id>` in
 * the URL, beside the imported sources and the human ones (label-sources.ts).
 * A run answers one label (lib/judges/labels.ts), so the chart by judge shows
 * that label's rate per variation × condition, not the compliance / AF bars.
 */
export const JUDGE_PREFIX = "@judge:";

export const judgeSourceParam = (runId: number) => `${JUDGE_PREFIX}${runId}`;

/** The run id a `source=` names, or null when it names another kind of source. */
export function parseJudgeSource(source: string | undefined): number | null {
  if (!source?.startsWith(JUDGE_PREFIX)) return null;
  const id = Number(source.slice(JUDGE_PREFIX.length));
  return Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** A run the source menu offers. */
export interface JudgeSourceOption {
  runId: number;
  judgeName: string;
  labelKey: string;
  predictions: number;
}

export const judgeSourceTitle = (option: JudgeSourceOption) => `judge ${option.judgeName} (run ${option.runId}, ${option.labelKey})`;
