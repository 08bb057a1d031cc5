import { z } from "zod";
import { aggregationSchema, judgeLabelKeySchema, providerSchema } from "./labels";
import { findTemplate } from "./templates";

/** A judge as a lead defines it (the /judges form, the API): checked here, stored in `judges`. */
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((value) => (value === "" || value === undefined ? null : value), z.coerce.number().pipe(schema).nullable());

export const apiKeyNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{1,64}$/, "a key name is 1–64 of A–Z, 0–9 and _ (the key is read from JUDGE_KEY_<NAME>)");

export const llmJudgeSchema = z
  .object({
    name: z.string().trim().min(1, "a judge needs a name").max(120),
    labelKey: judgeLabelKeySchema,
    provider: providerSchema,
    model: z.string().trim().min(1, "a judge needs a model name").max(200),
    baseUrl: z.preprocess(
      (value) => (value === "" ? null : value),
      z
        .url({ protocol: /^https?$/, error: "the base URL must be an http(s) URL" })
        .nullable()
        .default(null),
    ),
    templateVersion: z.coerce.number().int().positive().default(1),
    samples: z.coerce.number().int().min(1, "samples: at least 1").max(25, "samples: at most 25").default(1),
    aggregation: aggregationSchema.default("majority"),
    apiKeyName: z.preprocess((value) => (value === "" ? null : value), apiKeyNameSchema.nullable().default(null)),
    priceInPerMtok: optionalNumber(z.number().min(0)).default(null),
    priceOutPerMtok: optionalNumber(z.number().min(0)).default(null),
    concurrency: z.coerce.number().int().min(1).max(64).default(4),
    requestsPerMinute: optionalNumber(z.number().int().min(1).max(100_000)).default(null),
  })
  .refine((judge) => findTemplate(judge.labelKey, judge.templateVersion) !== undefined, {
    message: "there is no template of that version for this label",
    path: ["templateVersion"],
  });
export type LlmJudgeInput = z.infer<typeof llmJudgeSchema>;
