import type { Manifest } from "./manifest";

/**
 * What an export's user must hear before relying on it: a test split with
 * nothing in it (a classifier trained on it can never be evaluated), or rows
 * that are mostly "undecided" (annotators tied on the verdict: no label to
 * learn from). Decided from the counts the export wrote, so the page, the API
 * and the dataset card say the same.
 */
export const UNDECIDED_SHARE_LIMIT = 0.5;

export function exportWarnings(counts: Manifest["counts"], ratios: readonly [number, number, number]): string[] {
  const warnings: string[] = [];
  const total = counts.total;
  if (total === 0) return ["The export holds no transcripts: nothing matches its filter. Widen the filter on the transcripts table."];
  const fmt = (n: number) => n.toLocaleString("en");
  if (counts.splits.test.total === 0) {
    warnings.push(
      ratios[2] === 0
        ? `The test split is empty: its ratio is 0, so none of the ${fmt(total)} transcripts can evaluate a classifier. Give it a share, e.g. split 0.8,0.1,0.1.`
        : `The test split is empty: the ${fmt(total)} transcripts come from too few queries to fill it (a query's transcripts stay in one split). Export more queries or raise the test ratio.`,
    );
  }
  const undecided = Object.values(counts.splits).reduce((sum, split) => sum + (split.by_label.undecided ?? 0), 0);
  if (undecided / total > UNDECIDED_SHARE_LIMIT) {
    warnings.push(
      `${fmt(undecided)} of ${fmt(total)} rows (${Math.round((undecided / total) * 100)}%) are “undecided”: their annotators tied on the verdict, so they carry no label. Adjudicate the disagreements (Adjudication) or filter the table to decided transcripts before exporting.`,
    );
  }
  return warnings;
}
