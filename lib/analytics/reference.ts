import { z } from "zod";

/**
 * Published per-variation results (the shape of the paper's Appendix G tables:
 * percentages with standard errors), loaded as a reference series and lined up
 * with the measured variations.
 */
const percent = z.number().min(-100).max(100).nullable().optional();

export const referenceRowSchema = z.object({
  setting: z.string().min(1),
  variation_no: z.number().int().nullable().optional(),
  variation: z.string().min(1),
  model: z.string().min(1),
  af_reasoning_pct: percent,
  af_reasoning_se: percent,
  noncompliance_training_pct: percent,
  noncompliance_training_se: percent,
  noncompliance_unmonitored_pct: percent,
  noncompliance_unmonitored_se: percent,
  compliance_gap_pct: percent,
  compliance_gap_se: percent,
});
export type ReferenceRow = z.infer<typeof referenceRowSchema>;

const rowsSchema = z.array(referenceRowSchema);
const paperFileSchema = z.object({ variation_tables: rowsSchema });

/** Parses a reference file's text; errors name the row and the field. */
export function parseReferenceFile(text: string): { rows: ReferenceRow[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  // Either a bare array of rows or the paper file's `{ variation_tables: [...] }`.
  const parsed = Array.isArray(json)
    ? rowsSchema.safeParse(json)
    : paperFileSchema.transform((file) => file.variation_tables).safeParse(json);
  if (parsed.success) return { rows: parsed.data };
  const issue = parsed.error.issues.reduce((deepest, candidate) => (candidate.path.length > deepest.path.length ? candidate : deepest));
  const path = issue.path.filter((part) => part !== "variation_tables");
  const [row, ...field] = path;
  const where = typeof row === "number" ? `row ${row + 1}${field.length ? `, field "${field.join(".")}"` : ""}` : "the file";
  return { error: `Invalid reference data at ${where}: ${issue.message}` };
}

export interface MeasuredVariation {
  variationId: number;
  name: string;
  referenceNo: number | null;
}

const normalize = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Pairs each measured variation with its published row: by published number
 * when the variation carries one, else by name. Unmatched variations map to null.
 */
export function matchReference<R extends { variation: string; variationNo: number | null }>(
  variations: MeasuredVariation[],
  rows: R[],
): Map<number, R | null> {
  const byNumber = new Map(rows.filter((row) => row.variationNo != null).map((row) => [row.variationNo!, row]));
  const byName = new Map(rows.map((row) => [normalize(row.variation), row]));
  return new Map(
    variations.map((variation) => [
      variation.variationId,
      (variation.referenceNo != null ? byNumber.get(variation.referenceNo) : undefined) ?? byName.get(normalize(variation.name)) ?? null,
    ]),
  );
}

export interface UnmatchedReferenceRow {
  /** 1-based, as the file's rows are counted in error messages. */
  row: number;
  setting: string;
  variation: string;
  variationNo: number | null;
  reason: "unknown setting" | "no such variation";
}

/**
 * The file's rows that no measured variation will line up with (same rule as
 * the chart: number first, then name), so the upload can say which ones
 * instead of dropping them silently.
 */
export function unmatchedReferenceRows(
  settings: { slug: string; variations: MeasuredVariation[] }[],
  rows: ReferenceRow[],
): UnmatchedReferenceRow[] {
  const indexed = rows.map((row, index) => ({ index, row, variation: row.variation, variationNo: row.variation_no ?? null }));
  const matched = new Set<number>();
  for (const setting of settings) {
    const ofSetting = indexed.filter((entry) => entry.row.setting === setting.slug);
    for (const entry of matchReference(setting.variations, ofSetting).values()) if (entry) matched.add(entry.index);
  }
  const known = new Set(settings.map((setting) => setting.slug));
  return indexed
    .filter((entry) => !matched.has(entry.index))
    .map((entry) => ({
      row: entry.index + 1,
      setting: entry.row.setting,
      variation: entry.row.variation,
      variationNo: entry.variationNo,
      reason: known.has(entry.row.setting) ? "no such variation" : "unknown setting",
    }));
}
