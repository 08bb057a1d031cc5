import { z } from "zod";
import { idSchema } from "@/lib/schemas";

/** The "any label" chart's state, all of it in the URL (bad values fall back to defaults). */
export const labelRateParamsSchema = z.object({
  setting: z.string().optional().catch(undefined),
  model: idSchema.optional().catch(undefined),
  dataset: idSchema.optional().catch(undefined),
  by: z.string().max(100).optional().catch(undefined),
  label: z.string().max(100).optional().catch(undefined),
});
export type LabelRateParams = z.infer<typeof labelRateParamsSchema>;
