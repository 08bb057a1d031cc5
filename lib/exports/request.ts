import { z } from "zod";
import { ANNOTATION_STATUSES, formatLabelCondition } from "@/lib/annotations/filter-params";
import { consensusConditionParam } from "@/lib/team/consensus-filter";
import { conditionSchema, idSchema } from "@/lib/schemas";
import { formatLabelFilter, parseListState, type ListFilters } from "@/lib/transcripts/list-state";

/**
 * What an export asks for, validated at every door (the API, the export page,
 * the CLI) by these schemas; the OpenAPI document is generated from them too.
 */
export const EXPORT_FORMATS = ["jsonl", "csv", "parquet"] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Split names as Hugging Face `datasets` knows them. */
export const SPLITS = ["train", "validation", "test"] as const;
export type SplitName = (typeof SPLITS)[number];

const positiveId = idSchema;

/**
 * The transcripts table's filters (lib/transcripts/list-state.ts), as an
 * object: the same keys and meanings as the table's URL.
 */
export const transcriptFiltersSchema = z
  .object({
    setting: positiveId.optional().describe("Setting id."),
    variation: positiveId.optional().describe("Prompt variation id."),
    model: positiveId.optional().describe("Model id."),
    dataset: positiveId.optional().describe("Dataset id."),
    condition: conditionSchema.optional().describe("training (free tier) or deployment (paid tier)."),
    label: z.array(z.string().max(500)).max(4).optional().describe('Source-label filters, each "source|name|value".'),
    status: z
      .enum(ANNOTATION_STATUSES)
      .optional()
      .describe("Human annotations: unlabelled, todo (not labelled by me), mine (labelled by me), labelled (by anyone)."),
    human: z
      .array(z.string().max(81))
      .max(10)
      .optional()
      .describe('Human label conditions "key:value", e.g. "af_verdict:full", "criterion_a:span", all met by one submitted annotation.'),
    consensus: z
      .array(z.string().max(81))
      .max(10)
      .optional()
      .describe('Consensus conditions "key:value" or "key:@method", e.g. "af_verdict:full", "af_verdict:@adjudicated".'),
    q: z.string().max(200).optional().describe('Full-text search, web syntax: words, "a phrase", -excluded, or.'),
  })
  .strict();
export type TranscriptFiltersInput = z.infer<typeof transcriptFiltersSchema>;

/** The table's URL query string of these filters, e.g. to link the export back to the table. */
export function filtersQueryString(filters: TranscriptFiltersInput): string {
  const params = new URLSearchParams();
  for (const key of ["setting", "variation", "model", "dataset", "condition", "status", "q"] as const) {
    if (filters[key] !== undefined) params.set(key, String(filters[key]));
  }
  for (const label of filters.label ?? []) params.append("label", label);
  for (const condition of filters.human ?? []) params.append("human", condition);
  for (const condition of filters.consensus ?? []) params.append("consensus", condition);
  return params.toString();
}

/** Through the table's own parser, so an export means exactly what the table shows. */
export function toListFilters(filters: TranscriptFiltersInput): ListFilters {
  return parseListState(new URLSearchParams(filtersQueryString(filters))).filters;
}

/** The other way: the table's URL query string (or search params) as the filters object. */
export function fromTableQuery(params: URLSearchParams): TranscriptFiltersInput {
  const { filters } = parseListState(params);
  const result: TranscriptFiltersInput = {};
  for (const key of ["setting", "variation", "model", "dataset"] as const) if (filters[key] !== undefined) result[key] = filters[key];
  if (filters.condition) result.condition = filters.condition;
  if (filters.status) result.status = filters.status;
  if (filters.q) result.q = filters.q;
  if (filters.labels.length) result.label = filters.labels.map(formatLabelFilter);
  if (filters.human.length) result.human = filters.human.map(formatLabelCondition);
  if (filters.consensus?.length) result.consensus = filters.consensus.map(consensusConditionParam);
  return result;
}

const ratio = z.number().min(0).max(1);

export const exportRequestSchema = z
  .object({
    format: exportFormatSchema.default("jsonl"),
    filters: transcriptFiltersSchema.default({}),
    /** Train / validation / test shares; they must add up to 1. */
    split: z
      .tuple([ratio, ratio, ratio])
      .default([0.8, 0.1, 0.1])
      .refine((parts) => Math.abs(parts[0] + parts[1] + parts[2] - 1) < 1e-9, {
        message: "The three split ratios must add up to 1 (e.g. 0.8, 0.1, 0.1).",
      })
      .describe("Train, validation and test ratios."),
    seed: z.int().min(0).max(2_147_483_647).default(1).describe("The same seed (and data) gives the same split."),
    /** Replace annotator ids by annotator-1, annotator-2, ... (stable within one export). */
    anonymize: z.boolean().default(true),
    /** Include the labels that came with the imported data. */
    importedLabels: z.boolean().default(true),
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;

/** "0.8,0.1,0.1" (the CLI's --split) as ratios; zod checks the sum afterwards. */
export function parseSplitArgument(text: string): number[] {
  return text.split(",").map((part) => Number(part.trim()));
}
