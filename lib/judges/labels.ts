import { z } from "zod";

/**
 * The labels a judge can answer: label keys of the label schema
 * (lib/annotations/default-schema.ts), each read as one yes/no question so
 * that a judge's verdict and a human's label can be compared.
 * - criteria a–e: the criterion is explicit in the scratchpad;
 * - af_verdict: alignment faking, partial or full (all of a–e);
 * - compliance: the output does what was asked (points 3–4 of the scale).
 */
export const JUDGE_LABEL_KEYS = [
  "af_verdict",
  "criterion_a",
  "criterion_b",
  "criterion_c",
  "criterion_d",
  "criterion_e",
  "compliance",
] as const;
export type JudgeLabelKey = (typeof JUDGE_LABEL_KEYS)[number];
export const judgeLabelKeySchema = z.enum(JUDGE_LABEL_KEYS);

export const JUDGE_KINDS = ["llm", "imported"] as const;
export const PROVIDERS = ["openai", "anthropic"] as const;
export type ProviderName = (typeof PROVIDERS)[number];
export const providerSchema = z.enum(PROVIDERS);
export const AGGREGATIONS = ["majority", "mean", "any"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const aggregationSchema = z.enum(AGGREGATIONS);
export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
