import { z } from "zod";
import { Condition, ExportStatus, ImportStatus } from "@/lib/generated/prisma/enums";

/**
 * The enums and ids every boundary shares, declared once. The enums come from
 * prisma/schema.prisma (the database's own types); these are their zod forms.
 */
export { Condition, ExportStatus, ImportStatus };

/** training: free-tier user, the model believes it is trained on this; deployment: paid tier, unmonitored. */
export const conditionSchema = z.enum(Condition);
export const CONDITIONS = conditionSchema.options;
export const importStatusSchema = z.enum(ImportStatus);
export const exportStatusSchema = z.enum(ExportStatus);

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
