import { z } from "zod";

/** The "any label" chart's state, all of it in the URL (bad values fall back to defaults). */
export const labelRateParamsSchema = z.object({
  setting: z.string().optional().catch(undefined),
  model: z.coerce.number().int().positive().optional().catch(undefined),
  dataset: z.coerce.number().int().positive().optional().catch(undefined),
  by: z.string().max(100).optional().catch(undefined),
  label: z.string().max(100).optional().catch(undefined),
});
