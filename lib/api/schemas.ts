import { z } from "zod";
import { jobKindSchema } from "@/lib/jobs/kind-names";
import { chartParamsSchema, strictTestParams } from "@/lib/analytics/chart-params";
import { importFormatSchema } from "@/lib/imports/formats";
import { exportRequestSchema, transcriptFiltersSchema } from "@/lib/exports/request";
import { idSchema, jobStatusSchema } from "@/lib/schemas";
import { PAGE_SIZES } from "@/lib/transcripts/list-state";

/**
 * The /api/v1 requests, as zod schemas: the handlers validate with them and
 * lib/api/openapi.ts describes the API from them, so the two cannot drift.
 * Query strings arrive as text: numbers are coerced, repeatable keys are arrays.
 */
const repeatable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), schema);

export const transcriptListQuerySchema = z
  .object({
    setting: idSchema.optional().describe("Setting id."),
    variation: idSchema.optional().describe("Prompt variation id."),
    model: idSchema.optional().describe("Model id."),
    dataset: idSchema.optional().describe("Dataset id."),
    condition: transcriptFiltersSchema.shape.condition,
    label: repeatable(z.array(z.string().max(500)).max(4))
      .optional()
      .describe('Source-label filter "source|name|value" (repeatable, up to 4).'),
    status: transcriptFiltersSchema.shape.status,
    human: repeatable(z.array(z.string().max(81)).max(10))
      .optional()
      .describe('Human label condition "key:value" (repeatable).'),
    consensus: repeatable(z.array(z.string().max(81)).max(10))
      .optional()
      .describe('Consensus condition "key:value" or "key:@method" (repeatable; leads only).'),
    q: transcriptFiltersSchema.shape.q,
    size: z.coerce
      .number()
      .pipe(z.union(PAGE_SIZES.map((size) => z.literal(size))))
      .default(50)
      .meta({ type: "integer", enum: [...PAGE_SIZES], description: `Rows per page: ${PAGE_SIZES.join(", ")}.` }),
    after: idSchema.optional().describe("Rows after this transcript id (the previous page's `next_after`)."),
  })
  .strict();

export const importQuerySchema = z
  .object({
    file_name: z.string().min(1).max(255).describe("The file's name (its extension helps detect the format)."),
    format: importFormatSchema.optional().describe("jsonl, json, csv, native or inspect; detected when absent."),
    mapping: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe(
        "The name of a stored mapping (saved on the import page, or shipped in docs/import/mappings/). Or send the mapping's JSON as a multipart part.",
      ),
    dataset: z.string().trim().min(1).max(200).optional().describe("Dataset name; default: the file name without extension."),
    strict: z.enum(["true", "false"]).default("false").describe("true: one bad record rejects the whole file."),
  })
  .strict();

export const statisticsQuerySchema = chartParamsSchema
  .pick({ setting: true, model: true, dataset: true, source: true, compliance: true, af: true })
  .extend({
    ...strictTestParams,
    source: z
      .string()
      .optional()
      .describe(
        "The label source: an imported source's name, `@consensus`, `@annotator:<id>`, or a finished judge run `@judge:<run id>` (then the answer is the run's rate per variation × condition, JudgeVariationRates).",
      ),
    corrected: z
      .literal("1")
      .optional()
      .describe(
        "With a judge run as the source: also the Rogan–Gladen rates corrected for the run's Se and Sp against the human consensus.",
      ),
  })
  .strict();

export { exportRequestSchema };

/** GET /api/v1/jobs */
export const jobListQuerySchema = z.object({
  kind: jobKindSchema.optional(),
  status: jobStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
