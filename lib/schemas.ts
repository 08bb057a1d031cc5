import { z } from "zod";
import { Condition, ImportStatus, JobStatus } from "@/lib/generated/prisma/enums";

/**
 * The enums and ids every boundary shares, declared once. The enums come from
 * prisma/schema.prisma (the database's own types); these are their zod forms.
 */
export { Condition, ImportStatus, JobStatus };

/** training: free-tier user, the model believes it is trained on this; deployment: paid tier, unmonitored. */
export const conditionSchema = z.enum(Condition);
export const CONDITIONS = conditionSchema.options;
export const importStatusSchema = z.enum(ImportStatus);
/** A background job's status (an export's is its job's). */
export const jobStatusSchema = z.enum(JobStatus);

/** A row id in a URL, a form or a body: a positive PostgreSQL `integer`. */
export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
/** `[id]` route segments. */
export const idParams = z.object({ id: idSchema });

/** A query string as an object, the shape Next gives pages' `searchParams`: a repeated key becomes an array. */
export function paramsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}
