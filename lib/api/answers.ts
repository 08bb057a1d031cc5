import { z } from "zod";
import { judgeRatesResponseSchema } from "@/lib/analytics/judge-rates-json";
import { statisticsResponseSchema } from "@/lib/analytics/statistics-json";
import { labelValueSchema } from "@/lib/annotations/values";
import { exportRequestSchema } from "@/lib/exports/request";
import { uploadSchema } from "@/lib/imports/web/upload-schema";
import { conditionSchema, importStatusSchema, jobStatusSchema } from "@/lib/schemas";

/**
 * What the route handlers answer, as zod schemas: the route wrapper checks
 * every answer against its route's schema before sending it (a mismatch is a
 * bug: 500, logged), and lib/api/openapi.ts publishes the /api/v1 ones.
 * Nested documents the app does not interpret itself (label values, messages)
 * stay open (`z.unknown()`, loose objects).
 */
/**
 * An object whose other keys pass through unchecked (nested documents the API
 * hands on as they are), typed by its named keys, so that an interface with
 * more fields is a valid answer.
 */
function openObject<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject(shape) as unknown as z.ZodType<z.infer<z.ZodObject<S>>, z.input<z.ZodObject<S>>>;
}

const when = z.union([z.string(), z.date()]).transform((value) => (value instanceof Date ? value.toISOString() : value));
const labelValues = z.record(z.string(), labelValueSchema.nullable());

const spanSchema = z.object({ labelKey: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });

/** The signed-in user's own annotation of a transcript (the panel's autosave URL). */
export const annotationAnswer = z.object({
  annotation: z
    .object({
      annotatorId: z.string(),
      annotatorName: z.string(),
      version: z.number().int(),
      schemaVersion: z.number().int(),
      values: labelValues,
      note: z.string(),
      spans: z.array(spanSchema),
      submittedAt: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export const savedAnswer = z.object({ version: z.number().int(), submittedAt: when.nullable(), created: z.boolean() });
export const deletedAnswer = z.object({ deleted: z.literal(true) });

export const teamLabelsAnswer = z.object({
  transcriptId: z.number().int(),
  annotators: z.array(
    z.object({
      annotatorId: z.string(),
      annotatorName: z.string(),
      schemaVersion: z.number().int(),
      values: labelValues,
      spans: z.array(spanSchema),
      note: z.string(),
      submittedAt: z.string(),
    }),
  ),
  consensus: z.array(openObject({ labelKey: z.string(), method: z.string() })),
});

export const uploadAnswer = uploadSchema;

export const importProgressAnswer = z.object({
  id: z.number().int(),
  status: importStatusSchema,
  fileSize: z.number(),
  bytesRead: z.number(),
  records: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  startedAt: when,
  durationMs: z.number().nullable(),
  elapsedMs: z.number(),
});

/* /api/v1 */

export const transcriptListAnswer = z.object({
  transcripts: z.array(
    z.object({
      id: z.number().int(),
      pair_id: z.number().int(),
      condition: conditionSchema,
      setting_id: z.number().int(),
      variation_id: z.number().int(),
      model_id: z.number().int(),
      dataset_id: z.number().int(),
      query_preview: z.string(),
      scratchpad_chars: z.number().int(),
      output_chars: z.number().int().nullable(),
      format_issues: z.array(z.string()),
      labels: z.array(z.object({ source: z.string(), name: z.string(), value: z.string() })),
    }),
  ),
  counts: z.object({ total: z.number().int(), training: z.number().int(), deployment: z.number().int(), capped: z.boolean() }),
  next_after: z.number().int().nullable().describe("Pass as `after` for the next page; null on the last."),
});

const exportSpan = z.object({
  label: z.string(),
  field: z.literal("scratchpad_text"),
  start: z.number().int().describe("Code points into scratchpad_text (Python slicing)."),
  end: z.number().int(),
  start_utf16: z.number().int().describe("UTF-16 code units (JavaScript slicing)."),
  end_utf16: z.number().int(),
  text: z.string(),
});

export const transcriptAnswer = z.object({
  transcript_id: z.number().int(),
  pair_id: z.number().int(),
  query_id: z.number().int(),
  sample_index: z.number().int(),
  dataset: z.string(),
  setting: z.string(),
  variation: z.string(),
  model: z.string(),
  condition: conditionSchema,
  query: z.string(),
  scratchpad_text: z.string(),
  final_output: z.string().nullable(),
  schema_version: z.number().int().nullable(),
  annotations: z.array(
    z.object({
      annotator: z.string(),
      schema_version: z.number().int(),
      values: labelValues,
      note: z.string(),
      submitted_at: z.string(),
      spans: z.array(exportSpan),
    }),
  ),
  imported_labels: z.array(z.object({ source: z.string(), name: z.string(), value: z.string() })).nullable(),
  messages: z.unknown(),
  consensus_label: z.string().optional().describe("Leads only: an annotator's answer has no consensus fields."),
  consensus_method: z.string().optional(),
  agreement: z.number().nullable().optional(),
  consensus: z.record(z.string(), openObject({ method: z.string() })).optional(),
});

export const importAcceptedAnswer = z.object({ import_id: z.number().int(), status_url: z.string() });

export const importAnswer = z.looseObject({
  id: z.number().int(),
  status: importStatusSchema,
  fileName: z.string(),
  records: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ line: z.number().int().nullable(), field: z.string().nullable(), message: z.string() })),
});

/** The statistics' shape is declared beside the code that writes it (lib/analytics/statistics-json.ts). */
export const statisticsAnswer = statisticsResponseSchema;
/** With `source=@judge:<run>` the answer is the chart by judge's (lib/analytics/judge-rates-json.ts). */
export const judgeRatesAnswer = judgeRatesResponseSchema;
export const variationStatisticsAnswer = z.union([statisticsAnswer, judgeRatesAnswer]);

const attemptsSchema = z.object({ made: z.number().int(), max: z.number().int() });

export const exportJobAnswer = z.object({
  id: z.number().int(),
  job_id: z.number().int(),
  status: jobStatusSchema,
  request: exportRequestSchema,
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  attempts: attemptsSchema,
  created_at: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  message: z.string().nullable(),
  cancel_requested: z.boolean(),
  status_url: z.string(),
  cancel_url: z.string(),
  files: z.array(
    z.object({
      name: z.string(),
      bytes: z.number().int(),
      sha256: z.string().optional(),
      rows: z.number().int().optional(),
      url: z.string(),
    }),
  ),
});
export const exportJobsAnswer = z.object({ exports: z.array(exportJobAnswer) });

/** A background job (lib/jobs/document.ts): no payload, which can hold whole system prompts. */
export const jobAnswer = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: jobStatusSchema,
  attempts: attemptsSchema,
  progress: z.object({
    done: z.number().int(),
    total: z.number().int().nullable(),
    note: z.string().nullable(),
    at: z.string().nullable(),
  }),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  worker: z.object({ id: z.string(), alive: z.boolean().nullable() }).nullable(),
  cancel_requested: z.boolean(),
  message: z.string().nullable(),
  result: z.unknown(),
  status_url: z.string(),
  cancel_url: z.string(),
});
export const jobsAnswer = z.object({ jobs: z.array(jobAnswer) });
export const jobCancelAnswer = z.object({ outcome: z.enum(["cancelled", "stopping", "finished"]), job: jobAnswer });

/* /api/health and /api/ready (public) */

export const healthAnswer = z.object({ status: z.literal("ok") });
export const readinessAnswer = z.object({
  status: z.enum(["ready", "not_ready"]),
  draining: z.boolean(),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), ms: z.number(), detail: z.string().optional() })),
  workers: z.number().int().nullable().describe("Live worker processes (informational)."),
});
