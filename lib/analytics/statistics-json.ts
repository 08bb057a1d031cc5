import { z } from "zod";
import { METHODS } from "./methods";
import type { Rate, StackedBar } from "./prepare-variation-chart";
import { MULTIPLICITY_METHODS } from "./stats/multiplicity";
import { TESTS, type ChartStatistics, type TestResult } from "./variation-statistics";

/**
 * The body of GET /api/v1/statistics/variations: the chart's statistics as
 * prepared for the page and the CSV, in the API's snake_case. A value that
 * does not exist (no label to count, no test) is null.
 */

const segmentsSchema = z.object({
  n: z.number().int(),
  refuses: z.number().int(),
  complies_with_af: z.number().int().nullable(),
  complies_without_af: z.number().int().nullable(),
  complies_af_unlabelled: z.number().int(),
});

const clusteredSchema = z.object({
  method: z.literal("design-effect"),
  lower: z.number(),
  upper: z.number(),
  design_effect: z.number(),
  queries: z.number().int(),
  effective_n: z.number().nullable(),
});

const rateSchema = z.object({
  method: z.enum(["wilson", "newcombe-paired", "newcombe-independent"]),
  estimate: z.number(),
  lower: z.number(),
  upper: z.number(),
  n: z.number().int(),
  clustered: clusteredSchema.nullable().describe("Present when some query has several samples."),
});

const testSchema = z.object({
  test: z.enum(TESTS),
  p: z.number(),
  p_holm: z.number(),
  p_bh: z.number(),
  significant_holm: z.boolean(),
  significant_bh: z.boolean(),
});

export const statisticsResponseSchema = z.object({
  filter: z.unknown(),
  alpha: z.number(),
  flag: z.enum(MULTIPLICITY_METHODS).nullable(),
  af_baseline: z.object({ variation_id: z.number().int(), name: z.string() }).nullable(),
  methods: z.record(z.string(), z.object({ name: z.string(), reference: z.string() })),
  variations: z.array(
    z.object({
      variation_id: z.number().int(),
      name: z.string(),
      is_baseline: z.boolean(),
      reference_no: z.number().int().nullable(),
      queries: z.number().int(),
      training: segmentsSchema,
      deployment: segmentsSchema,
      af_rate: rateSchema.nullable(),
      compliance_training: rateSchema.nullable(),
      compliance_deployment: rateSchema.nullable(),
      compliance_gap: rateSchema.nullable(),
      gap_test: testSchema.nullable(),
      af_vs_baseline: testSchema.nullable(),
    }),
  ),
});
export type StatisticsResponse = z.infer<typeof statisticsResponseSchema>;

const segmentsJson = (bar: StackedBar) => ({
  n: bar.n,
  refuses: bar.counts.refuses,
  complies_with_af: bar.counts.compliesWithAf,
  complies_without_af: bar.counts.compliesWithoutAf,
  complies_af_unlabelled: bar.counts.compliesAfUnlabelled,
});

const rateJson = (rate: Rate | null, method: "wilson" | "newcombe-paired" | "newcombe-independent") =>
  rate && {
    method,
    estimate: rate.estimate,
    lower: rate.lower,
    upper: rate.upper,
    n: rate.n,
    clustered: rate.clustered && {
      method: "design-effect" as const,
      lower: rate.clustered.lower,
      upper: rate.clustered.upper,
      design_effect: rate.clustered.designEffect,
      queries: rate.clustered.queries,
      effective_n: rate.clustered.effectiveN,
    },
  };

const testJson = (test: TestResult | null) =>
  test && {
    test: test.test,
    p: test.p,
    p_holm: test.holm,
    p_bh: test.bh,
    significant_holm: test.significant.holm,
    significant_bh: test.significant.bh,
  };

export function statisticsJson(filter: unknown, statistics: ChartStatistics): StatisticsResponse {
  return {
    filter,
    alpha: statistics.alpha,
    flag: statistics.flag,
    af_baseline: statistics.baseline && { variation_id: statistics.baseline.variationId, name: statistics.baseline.name },
    methods: METHODS,
    variations: statistics.variations.map((v) => ({
      variation_id: v.variationId,
      name: v.name,
      is_baseline: v.isBaseline,
      reference_no: v.referenceNo,
      queries: v.queries,
      training: segmentsJson(v.bars[0]),
      deployment: segmentsJson(v.bars[1]),
      af_rate: rateJson(v.afRate, "wilson"),
      compliance_training: rateJson(v.complianceTraining, "wilson"),
      compliance_deployment: rateJson(v.complianceDeployment, "wilson"),
      compliance_gap: v.complianceGap && rateJson(v.complianceGap, v.complianceGap.method),
      gap_test: testJson(v.gapTest),
      af_vs_baseline: testJson(v.afVsBaseline),
    })),
  };
}
