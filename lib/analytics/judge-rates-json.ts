import { z } from "zod";
import type { JudgeChart } from "./judge-chart";
import { METHODS } from "./methods";

/**
 * The body of GET /api/v1/statistics/variations with `source=@judge:<run>`:
 * the chart by judge (the run answers one label, so one rate per variation ×
 * condition, not the compliance / AF bars of the human answer), the numbers
 * of variations.csv for the same URL, unrounded, in the API's snake_case.
 */

const ROGAN_GLADEN = {
  name: "Rogan–Gladen corrected prevalence, delta-method Wald interval with the validation sample's Se and Sp as independent binomials, truncated to [0, 1]",
  reference:
    "Rogan WJ, Gladen B (1978), Estimating prevalence from the results of a screening test, Am J Epidemiol 107:71–76; Greiner M, Gardner IA (2000), Prev Vet Med 45:3–22",
};

const rawSchema = z.object({
  method: z.literal("wilson"),
  estimate: z.number(),
  lower: z.number(),
  upper: z.number(),
});

const correctedSchema = z.object({
  method: z.literal("rogan-gladen"),
  estimate: z.number().describe("Truncated to [0, 1]."),
  lower: z.number(),
  upper: z.number(),
  unclipped: z.number().describe("(p̂ + Sp − 1) / (Se + Sp − 1) before truncation."),
  standard_error: z.number(),
  sensitivity: z.number(),
  specificity: z.number(),
  validation_n: z.number().int(),
});

export const judgeRatesResponseSchema = z.object({
  label_source: z.object({
    kind: z.literal("judge"),
    run_id: z.number().int(),
    judge: z.string(),
    label_key: z.string().describe("The label the run answers: its positive verdicts are the rate."),
    predictions: z.number().int(),
  }),
  filter: z.unknown(),
  corrected: z.boolean().describe("Whether `corrected=1` asked for the Rogan–Gladen rates."),
  validation: z
    .object({
      n: z.number().int(),
      true_positives: z.number().int(),
      reference_positives: z.number().int(),
      true_negatives: z.number().int(),
      reference_negatives: z.number().int(),
    })
    .nullable()
    .describe("With `corrected=1`: the run's verdicts against the human consensus on every transcript both labelled."),
  methods: z.record(z.string(), z.object({ name: z.string(), reference: z.string() })),
  rates: z.array(
    z.object({
      variation_id: z.number().int(),
      variation: z.string(),
      condition: z.string(),
      n: z.number().int().describe("Transcripts of this variation × condition the run judged (unreadable answers not counted)."),
      positive: z.number().int(),
      rate: rawSchema.nullable(),
      corrected_rate: correctedSchema
        .nullable()
        .describe("Null without `corrected=1`, and where the correction is undefined (Se + Sp ≤ 1 or no validation)."),
    }),
  ),
});
export type JudgeRatesResponse = z.infer<typeof judgeRatesResponseSchema>;

export function judgeRatesJson(filter: unknown, chart: JudgeChart, corrected: boolean): JudgeRatesResponse {
  const { validation } = chart;
  return {
    label_source: {
      kind: "judge",
      run_id: chart.source.runId,
      judge: chart.source.judgeName,
      label_key: chart.source.labelKey,
      predictions: chart.source.predictions,
    },
    filter,
    corrected,
    validation: validation && {
      n: validation.n,
      true_positives: validation.truePositives,
      reference_positives: validation.referencePositives,
      true_negatives: validation.trueNegatives,
      reference_negatives: validation.referenceNegatives,
    },
    methods: corrected ? { wilson: METHODS.wilson, "rogan-gladen": ROGAN_GLADEN } : { wilson: METHODS.wilson },
    rates: chart.rows.map((row) => ({
      variation_id: row.variationId,
      variation: row.variation,
      condition: row.condition,
      n: row.n,
      positive: row.positive,
      rate: row.raw && { method: "wilson" as const, estimate: row.raw.estimate, lower: row.raw.lower, upper: row.raw.upper },
      corrected_rate: row.corrected && {
        method: "rogan-gladen" as const,
        estimate: row.corrected.estimate,
        lower: row.corrected.lower,
        upper: row.corrected.upper,
        unclipped: row.corrected.unclipped,
        standard_error: row.corrected.standardError,
        sensitivity: row.corrected.sensitivity,
        specificity: row.corrected.specificity,
        validation_n: row.corrected.validationN,
      },
    })),
  };
}
