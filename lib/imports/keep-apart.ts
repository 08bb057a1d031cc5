import { z } from "zod";

/**
 * The user's choice, on the import page, to keep a file's settings or models
 * apart from existing ones of the same name (by default from the demo
 * corpus's): they are stored under a name of their own instead of joining.
 * Checked by the page's action and again in an import job's payload.
 */
const names = z.array(z.string().max(300)).max(10_000);
export const keepApartSchema = z.object({ settings: names.optional(), models: names.optional() });
export type KeepApart = z.infer<typeof keepApartSchema>;

/** The name a setting or model kept apart is stored under. */
export function apartName(name: string, dataset: string): string {
  return `${name} (${dataset})`;
}
