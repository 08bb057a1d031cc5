import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/replica";
import { numericConsensusCountSql } from "./consensus-count";
import { HUMAN_RULE } from "./label-sources";
import type { VariationCounts } from "./prepare-variation-chart";
import { toVariationCounts, variationCountsSql, type ChartFilter, type CountsRow } from "./variation-counts-sql";

export type { ChartFilter };

/**
 * Per variation of a setting: labelled transcripts per condition, how many
 * complied, how many complied with alignment-faking reasoning, and the paired
 * compliance table. All counting happens in SQL; every variation of the setting
 * is returned, labelled or not, so an empty bar shows as n = 0.
 */
export async function variationCounts(filter: ChartFilter): Promise<VariationCounts[]> {
  // Heavy: every pair of a setting. The replica, when there is one (lib/db/replica.ts).
  const rows = await readDb().$queryRaw<CountsRow[]>(variationCountsSql(filter));
  return rows.map(toVariationCounts);
}

/**
 * The label sources present, with the label names each uses: a loose index scan
 * of (source, name), one probe per distinct pair, where GROUP BY read all
 * 3,000,000 labels of a million transcripts (~1 s) on every chart page.
 */
export async function availableLabelSources(): Promise<{ source: string; names: string[] }[]> {
  return db().$queryRaw<{ source: string; names: string[] }[]>`
    WITH RECURSIVE names AS (
      (SELECT source, name FROM source_labels ORDER BY source, name LIMIT 1)
      UNION ALL
      SELECT next.source, next.name FROM names n,
        LATERAL (SELECT s.source, s.name FROM source_labels s
                 WHERE (s.source, s.name) > (n.source, n.name)
                 ORDER BY s.source, s.name LIMIT 1) next
    )
    SELECT source, array_agg(name ORDER BY name) AS names FROM names GROUP BY source ORDER BY source`;
}

/**
 * Labelled pairs of each label source, per setting: the pairs the chart counts, so a
 * default picked by them draws bars. Stored with the chart's counts (label-rate-counts.ts),
 * once per variation and source, where summing label_signatures read every signature.
 */
async function sourceCoverage(): Promise<FilterOptions["coverage"]> {
  return readDb().$queryRaw<FilterOptions["coverage"]>`
    SELECT r.source, v.setting_id AS "settingId", sum(r.pairs)::int AS n
    FROM (SELECT DISTINCT ON (variation_id, source) variation_id, source, pairs FROM label_rate_counts
          ORDER BY variation_id, source) r
    JOIN prompt_variations v ON v.id = r.variation_id
    GROUP BY r.source, v.setting_id ORDER BY r.source, v.setting_id`;
}

export interface FilterOptions {
  settings: { id: number; slug: string; name: string }[];
  models: { id: number; name: string }[];
  datasets: { id: number; name: string }[];
  sources: { source: string; names: string[] }[];
  /** Annotators with at least one submitted annotation that has a compliance value (human label sources). */
  annotators: { id: string; name: string; count: number }[];
  /** Transcripts with a consensus compliance value (0: the consensus source is not offered). */
  consensus: number;
  /** Pairs labelled by each source, per setting (settings it never labels are absent). */
  coverage: { source: string; settingId: number; n: number }[];
}

export async function chartFilterOptions(): Promise<FilterOptions> {
  const [settings, models, datasets, sources, annotators, consensus, coverage] = await Promise.all([
    db().setting.findMany({ select: { id: true, slug: true, name: true }, orderBy: { id: "asc" } }),
    db().model.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().dataset.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    availableLabelSources(),
    chartableAnnotators(),
    consensusCount(),
    sourceCoverage(),
  ]);
  return { settings, models, datasets, sources, annotators, consensus, coverage };
}

/**
 * Counted per annotator through the partial index x_annotations_compliance_by (migration
 * 20261206100200), which the key must name as a literal to match: it is a code constant.
 */
async function chartableAnnotators(): Promise<FilterOptions["annotators"]> {
  const complianceKey = Prisma.raw(`'${HUMAN_RULE.complianceKey}'`);
  return db().$queryRaw<FilterOptions["annotators"]>`
    SELECT u.id, u.name, c.count
    FROM (SELECT a.annotator_id, count(*)::int AS count FROM annotations a
          WHERE a.submitted_at IS NOT NULL AND jsonb_typeof(a."values" -> ${complianceKey}) = 'number'
          GROUP BY a.annotator_id) c
    JOIN users u ON u.id = c.annotator_id ORDER BY u.name`;
}

async function consensusCount(): Promise<number> {
  // Not the view: it would build every label's consensus first (lib/analytics/consensus-count.ts).
  const [row] = await db().$queryRaw<{ n: number }[]>(numericConsensusCountSql(HUMAN_RULE.complianceKey));
  return row.n;
}
