import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SourceLabelSource } from "./label-sources";
import { signatureSidesSql } from "./signature-sides-sql";
import { COUNT_RECORD_TYPE, perVariationSql } from "./variation-counts-rows";

/*
 * label_rate_counts (migration 20261206100000): the variation chart's per-variation counts of
 * imported labels, unfiltered, stored for every choice of labels. Summing label_signatures at
 * request time took 740 ms at 1,000,000 transcripts (178,000 signatures: one per query with
 * several pairs in a variation, for the clustered intervals), on every /analytics visit; what it
 * produced is 150 rows that change only when an import adds labels.
 *
 * A row per variation, source and choice: the label that means compliance, and the AF label
 * ('' for none), each among the names the source uses in that variation. A choice whose AF
 * label the variation lacks counts as no AF label there (its sides have none, so the sums
 * agree); one whose compliance label the variation lacks counts nothing there, as no row.
 * `counts` holds the COUNT_COLUMNS (variation-counts-rows.ts); `pairs`, the same on each row
 * of a variation and source, is how many of its pairs the source labels (the chart's
 * coverage, for picking defaults).
 */

const KEYS = ["variation_id", "source", "compliance", "alignment_faking"];

/**
 * Rebuilds the stored counts of these variations from their label_signatures: called by
 * refreshLabelSignatures, in the same transaction, so the two never disagree. One pass for
 * every choice: a source with k label names in a variation has k × (k + 1) of them.
 */
export async function refreshLabelRateCounts(client: pg.ClientBase, variationIds: number[]): Promise<void> {
  await client.query("DELETE FROM label_rate_counts WHERE variation_id = ANY($1::int[])", [variationIds]);
  const sides = signatureSidesSql({ compliance: Prisma.raw("k.compliance"), alignmentFaking: Prisma.raw("k.alignment_faking") });
  const statement = Prisma.sql`
    WITH names AS (
      SELECT DISTINCT s.variation_id, s.source, n.name
      FROM label_signatures s, unnest(s.training_present || s.deployment_present) AS n(name)
      WHERE s.variation_id = ANY(${variationIds}::int[])
    ), choices AS (
      SELECT c.variation_id, c.source, c.name AS compliance, a.name AS alignment_faking
      FROM names c
      JOIN (SELECT variation_id, source, name FROM names UNION SELECT variation_id, source, '' FROM names) a
        ON a.variation_id = c.variation_id AND a.source = c.source
    ), units AS (
      SELECT s.variation_id, k.source, k.compliance, k.alignment_faking, s.query_id, s.pairs AS w, ${sides}
      FROM label_signatures s JOIN choices k ON k.variation_id = s.variation_id AND k.source = s.source
      WHERE s.variation_id = ANY(${variationIds}::int[])
    ), ${perVariationSql(KEYS)}, labelled AS (
      SELECT variation_id, source, sum(pairs)::int AS pairs
      FROM label_signatures WHERE variation_id = ANY(${variationIds}::int[]) GROUP BY variation_id, source
    )
    INSERT INTO label_rate_counts (variation_id, source, compliance, alignment_faking, pairs, counts)
    SELECT p.variation_id, p.source, p.compliance, p.alignment_faking, l.pairs,
           to_jsonb(p) - ${Prisma.join(
             KEYS.map((key) => Prisma.sql`${key}::text`),
             " - ",
           )}
    FROM per_variation p JOIN labelled l ON l.variation_id = p.variation_id AND l.source = p.source`;
  await client.query(statement.text, statement.values);
}

/** `per_variation AS (...)` for one setting and choice of labels, from the stored counts. */
export function storedPerVariationSql(settingId: number, labelSource: SourceLabelSource): Prisma.Sql {
  const af = labelSource.alignmentFaking ?? "";
  // The AF label's row where the variation has that label, else the row without one.
  return Prisma.sql`per_variation AS (
      SELECT DISTINCT ON (r.variation_id) r.variation_id, c.*
      FROM label_rate_counts r JOIN prompt_variations v ON v.id = r.variation_id,
           jsonb_to_record(r.counts) AS c(${Prisma.raw(COUNT_RECORD_TYPE)})
      WHERE v.setting_id = ${settingId} AND r.source = ${labelSource.source} AND r.compliance = ${labelSource.compliance}
        AND r.alignment_faking IN (${af}, '')
      ORDER BY r.variation_id, r.alignment_faking = ${af} DESC
    )`;
}
