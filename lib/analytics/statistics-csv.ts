import { csvFile } from "@/lib/csv/write";
import type { Rate, SegmentCounts, StackedBar } from "./prepare-variation-chart";
import { csvNumber, csvP, type ReferenceRates } from "./rates-table";
import type { ChartStatistics, TestResult, VariationStatistics } from "./variation-statistics";

/**
 * The variation chart's numbers as CSV, one line per variation: what the
 * page's table shows, in full (fractions with 6 decimals, p-values with 6
 * significant digits). A value that does not exist (no label to count, no
 * test) is an empty field; methods are named by the keys of METHODS. Written
 * by the one CSV writer (lib/csv/write.ts): a variation name a spreadsheet would
 * run as a formula is defused.
 */

type Column = [header: string, value: (v: VariationStatistics, reference: ReferenceRates | null) => string | number | boolean | null];

const segments = (condition: "training" | "deployment", pick: (v: VariationStatistics) => StackedBar): Column[] =>
  (["refuses", "compliesWithAf", "compliesWithoutAf", "compliesAfUnlabelled"] as (keyof SegmentCounts)[]).map((key) => [
    `${condition}_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
    (v) => pick(v).counts[key],
  ]);

const rate = (name: string, pick: (v: VariationStatistics) => Rate | null): Column[] => [
  [name, (v) => csvNumber(pick(v)?.estimate)],
  [`${name}_low`, (v) => csvNumber(pick(v)?.lower)],
  [`${name}_high`, (v) => csvNumber(pick(v)?.upper)],
  [`${name}_n`, (v) => pick(v)?.n ?? null],
  [`${name}_clustered_low`, (v) => csvNumber(pick(v)?.clustered?.lower)],
  [`${name}_clustered_high`, (v) => csvNumber(pick(v)?.clustered?.upper)],
  [`${name}_design_effect`, (v) => csvNumber(pick(v)?.clustered?.designEffect)],
];

const test = (name: string, pick: (v: VariationStatistics) => TestResult | null): Column[] => [
  [`${name}_test`, (v) => pick(v)?.test ?? null],
  [`${name}_p`, (v) => csvP(pick(v)?.p)],
  [`${name}_p_holm`, (v) => csvP(pick(v)?.holm)],
  [`${name}_p_bh`, (v) => csvP(pick(v)?.bh)],
  [`${name}_significant_holm`, (v) => pick(v)?.significant.holm ?? null],
  [`${name}_significant_bh`, (v) => pick(v)?.significant.bh ?? null],
];

const percentToFraction = (x: number | null | undefined) => (x == null ? null : x / 100);

function columns(statistics: ChartStatistics): Column[] {
  return [
    ["variation", (v) => v.name],
    ["baseline", (v) => v.isBaseline],
    ["n_training", (v) => v.bars[0].n],
    ["n_deployment", (v) => v.bars[1].n],
    ["queries", (v) => v.queries],
    ...segments("training", (v) => v.bars[0]),
    ...segments("deployment", (v) => v.bars[1]),
    ...rate("af_rate", (v) => v.afRate),
    ...rate("compliance_training", (v) => v.complianceTraining),
    ...rate("compliance_deployment", (v) => v.complianceDeployment),
    ...rate("compliance_gap", (v) => v.complianceGap),
    ["gap_interval_method", (v) => v.complianceGap?.method ?? null],
    ...test("gap", (v) => v.gapTest),
    ["af_baseline", () => statistics.baseline?.name ?? null],
    ...test("af_vs_baseline", (v) => v.afVsBaseline),
    ["alpha", () => statistics.alpha],
    ["reference_variation", (_, r) => r?.label ?? null],
    ["reference_af_rate", (_, r) => percentToFraction(r?.afReasoning)],
    ["reference_compliance_training", (_, r) => percentToFraction(r?.complianceTraining)],
    ["reference_compliance_deployment", (_, r) => percentToFraction(r?.complianceDeployment)],
    ["reference_compliance_gap", (_, r) => percentToFraction(r?.complianceGap)],
  ];
}

export function statisticsCsv(statistics: ChartStatistics, reference: Map<number, ReferenceRates | null> = new Map()): string {
  const cols = columns(statistics);
  return csvFile(
    cols.map(([header]) => header),
    statistics.variations.map((v) => cols.map(([, value]) => value(v, reference.get(v.variationId) ?? null))),
  );
}
