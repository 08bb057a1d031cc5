import "server-only";
import { db } from "@/lib/db/client";
import { judgeRateRows, type JudgeRateCounts, type JudgeRateRow } from "@/lib/judges/validation/corrected";
import { loadValidation } from "@/lib/judges/validation/load";
import { judgeRatesSql } from "@/lib/judges/validation/query-sql";
import { pairedComparison, type PairedComparison } from "@/lib/judges/validation/paired";
import type { ValidationReference } from "@/lib/judges/validation/judge-filter";
import { describeReferenceRule } from "@/lib/judges/validation/reference";
import { breakdown, validationFigures, type BreakdownGroup, type ValidationFigures } from "@/lib/judges/validation/report";
import { invalid } from "@/lib/server/errors";
import { viewerWithRole } from "./viewer";

/**
 * A judge run measured against humans (the validation page, /judges/runs/:id).
 * Leads only: the reference is the consensus or one annotator's labels, both
 * other people's labels (lib/access/policy.ts), and a judge's verdicts are the
 * suggestions annotators may not see while they label.
 */
export interface RunValidation {
  run: { id: number; judgeId: number; judgeName: string; judgeKind: string; labelKey: string; status: string; generated: boolean };
  label: { key: string; name: string; rule: string };
  reference: ValidationReference;
  threshold: number | null;
  /** Every prediction of the run; `overall.n` of them had a human reference and a verdict. */
  predictions: number;
  scored: boolean;
  overall: ValidationFigures;
  groups: BreakdownGroup[];
  /** Annotators who submitted labels, for the "against one annotator" picker. */
  annotators: { id: string; name: string }[];
  compare: null | { run: RunValidation["run"]; comparison: PairedComparison };
  /**
   * Asked for with `corrected`: the judge's raw rate per variation and condition over the whole run, beside the
   * Rogan–Gladen rate corrected by the sensitivity and specificity measured here (overall, at this threshold).
   */
  rates: null | {
    validationN: number;
    rows: JudgeRateRow[];
  };
  /** Other runs answering the same label, for "side by side". */
  comparable: { id: number; judgeName: string; createdAt: Date }[];
}

export async function runValidation(
  runId: number,
  options: {
    reference: ValidationReference;
    threshold: number | null;
    compareRunId?: number;
    compareThreshold?: number | null;
    corrected?: boolean;
  },
): Promise<RunValidation> {
  await viewerWithRole("lead");
  const loaded = await loadValidation(runId, options.reference);
  const scored = loaded.rows.some((row) => row.score !== null);
  const threshold = scored ? options.threshold : null;
  const overall = validationFigures(loaded.rows, threshold);
  const [annotators, compare, comparable, rates] = await Promise.all([
    db().user.findMany({
      where: { annotations: { some: { submittedAt: { not: null } } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    options.compareRunId === undefined ? null : loadValidation(options.compareRunId, options.reference),
    db().$queryRaw<RunValidation["comparable"]>`
      SELECT r.id, j.name AS "judgeName", r.created_at AS "createdAt" FROM judge_runs r JOIN judges j ON j.id = r.judge_id
       WHERE j.label_key = ${loaded.run.labelKey} AND r.id <> ${runId}::int ORDER BY r.id DESC LIMIT 50`,
    options.corrected ? correctedRates(runId, threshold, overall) : null,
  ]);
  if (compare && compare.run.labelKey !== loaded.run.labelKey)
    throw invalid(
      `Run ${compare.run.id} answers “${compare.run.labelKey}”, run ${runId} “${loaded.run.labelKey}”: compare runs of one label.`,
    );
  const run = pick(loaded.run);
  return {
    run,
    label: { key: loaded.label.key, name: loaded.label.name, rule: describeReferenceRule(loaded.label) },
    reference: options.reference,
    threshold,
    predictions: loaded.predictions,
    scored,
    overall,
    rates,
    groups: breakdown(loaded.rows, threshold),
    annotators,
    comparable,
    compare: compare && {
      run: pick(compare.run),
      comparison: pairedComparison(loaded.rows, compare.rows, {
        first: threshold,
        second: compare.rows.some((row) => row.score !== null) ? (options.compareThreshold ?? null) : null,
      }),
    },
  };
}

function pick(run: RunValidation["run"]): RunValidation["run"] {
  const { id, judgeId, judgeName, judgeKind, labelKey, status, generated } = run;
  return { id, judgeId, judgeName, judgeKind, labelKey, status, generated };
}

async function correctedRates(runId: number, threshold: number | null, overall: ValidationFigures): Promise<RunValidation["rates"]> {
  const rows = await db().$queryRaw<JudgeRateCounts[]>(judgeRatesSql(runId, threshold));
  return { validationN: overall.n, rows: judgeRateRows(rows, overall.matrix) };
}
