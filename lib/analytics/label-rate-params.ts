import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { significanceParams } from "./chart-params";

/** The "any label" chart's state, all of it in the URL (bad values fall back to defaults). */
export const labelRateParamsSchema = z.object({
  setting: z.string().optional().catch(undefined),
  model: idSchema.optional().catch(undefined),
  dataset: idSchema.optional().catch(undefined),
  /** A user id, "@consensus", "@source:<imported source>" or "@judge:<run id>". */
  by: z.string().max(400).optional().catch(undefined),
  label: z.string().max(300).optional().catch(undefined),
  corrected: z.enum(["1"]).optional().catch(undefined),
  /** The gaps' significance flags, as on /analytics (α and the correction). */
  ...significanceParams,
});
export type LabelRateParams = z.infer<typeof labelRateParamsSchema>;
