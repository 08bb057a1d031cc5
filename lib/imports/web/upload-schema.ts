import { z } from "zod";

/** What the upload route answers; shared by the route and the page that calls it. */
export const uploadIdSchema = z.uuid();

export const uploadSchema = z.object({
  id: uploadIdSchema,
  fileName: z.string().min(1).max(255),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Upload = z.infer<typeof uploadSchema>;
