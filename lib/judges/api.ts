import { z } from "zod";
import { transcriptFiltersSchema } from "@/lib/exports/request";
import { PREDICTION_FORMATS } from "./imported/parse";
import { judgeLabelKeySchema, RUN_STATUSES } from "./labels";

/** The REST API's judge answers (validated on the way out by route(); the OpenAPI document is generated from them). */
export const judgeAnswer = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(["llm", "imported"]),
  labelKey: z.string(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  baseUrl: z.string().nullable(),
  templateKey: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  samples: z.number().int(),
  aggregation: z.string(),
  /** The key's name only: key values never leave the server. */
  apiKeyName: z.string().nullable(),
  priceInPerMtok: z.number().nullable(),
  priceOutPerMtok: z.number().nullable(),
  concurrency: z.number().int(),
  requestsPerMinute: z.number().int().nullable(),
  createdAt: z.string(),
});
export const judgesAnswer = z.object({ judges: z.array(judgeAnswer) });

export const runAnswer = z.object({
  id: z.number().int(),
  judgeId: z.number().int(),
  judgeName: z.string(),
  status: z.enum(RUN_STATUSES),
  filter: transcriptFiltersSchema,
  jobId: z.number().int().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  costUsd: z.number().nullable(),
  generated: z.boolean(),
  error: z.string().nullable(),
  jobMessage: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const runsAnswer = z.object({ runs: z.array(runAnswer) });

export const runRequestSchema = z.object({ filters: transcriptFiltersSchema.default({}) }).strict();

export const predictionsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0).describe("Transcript id to continue after (keyset pagination)."),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});
export const predictionsAnswer = z.object({
  predictions: z.array(
    z.object({
      transcriptId: z.number().int(),
      verdict: z.boolean().nullable(),
      score: z.number().nullable(),
      reason: z.string().nullable(),
      evidence: z.array(
        z.object({ quote: z.string(), start: z.number().int().nullable(), end: z.number().int().nullable(), matched: z.boolean() }),
      ),
    }),
  ),
  next: z.number().int().nullable().describe("`after` for the next page; null at the end."),
});
export const cancelAnswer = z.object({ outcome: z.enum(["cancelled", "stopping", "finished", "missing"]) });

export const predictionFileRequest = z
  .object({
    judgeName: z
      .string()
      .trim()
      .min(1, "the classifier needs a name")
      .max(120, "a name is at most 120 characters")
      .describe("The classifier's name: its judge (a second file under one name is a second run)."),
    labelKey: judgeLabelKeySchema,
    fileName: z.string().min(1).max(300).default("predictions.jsonl").describe("For error messages (file:line field)."),
    format: z.enum(PREDICTION_FORMATS).optional().describe("jsonl or csv; from the file name when left out."),
    threshold: z.number().min(0).max(1).optional().describe("Score at or above which a score-only prediction is a yes (default 0.5)."),
    text: z
      .string()
      .min(1)
      .max(50_000_000)
      .describe("The file: one prediction per line/row with transcript_id or content_hash, and score and/or label."),
  })
  .strict();
export const predictionFileAnswer = z.object({ runId: z.number().int(), judgeId: z.number().int(), imported: z.number().int() });
