import "server-only";
import { labelConditionOptions, parseLabelCondition } from "@/lib/annotations/filter-params";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/replica";
import { Prisma } from "@/lib/generated/prisma/client";
import { agreementByVariation } from "@/lib/team/agreement/load";
import { CONSENSUS_BY } from "./label-sources";
import { labelRatesSql, type LabelRateFilter, type LabelRateRow } from "./label-rates-sql";
import { prepareLabelRates } from "./prepare-label-rates";
import { chartFilterOptions } from "./queries";

export interface LabelRateParams {
  setting?: string;
  model?: number;
  dataset?: number;
  by?: string;
  label?: string;
}

/** Whose labels the chart can show: the consensus first (when there is one), then each annotator who submitted any. */
export interface RateSource {
  by: string;
  name: string;
  count: number;
}

/** The "any label" chart for one URL state: options, the resolved filter, the series, and agreement per variation. */
export async function loadLabelRates(params: LabelRateParams) {
  const [options, schema, sources] = await Promise.all([chartFilterOptions(), getCurrentSchema(), rateSources()]);
  const conditions = schema.labels.flatMap(labelConditionOptions);
  const setting = options.settings.find((s) => s.slug === params.setting) ?? options.settings[0];
  const source = sources.find((s) => s.by === params.by) ?? sources[0];
  const label = conditions.find((c) => c.value === params.label) ?? conditions[0];
  const condition = label && parseLabelCondition(label.value);
  if (!setting || !source || !condition) {
    return {
      options,
      sources,
      conditions,
      filter: null,
      series: [],
      agreement: new Map(),
      problem: "No one has submitted annotations yet: this chart shows the rate of a label across variations once someone has.",
    };
  }
  const filter: LabelRateFilter = { settingId: setting.id, modelId: params.model, datasetId: params.dataset, by: source.by, condition };
  const scope = [Prisma.sql`t.setting_id = ${setting.id}`];
  if (params.model) scope.push(Prisma.sql`t.model_id = ${params.model}`);
  if (params.dataset) scope.push(Prisma.sql`t.dataset_id = ${params.dataset}`);
  const [rows, byVariation] = await Promise.all([
    readDb().$queryRaw<LabelRateRow[]>(labelRatesSql(filter)),
    agreementByVariation({ where: Prisma.join(scope, " AND "), labelKeys: [condition.key] }),
  ]);
  // Agreement of the chosen label only, where several annotators labelled the same transcripts.
  const agreement = new Map(
    [...byVariation].flatMap(([variationId, labels]) => {
      const found = labels.find((entry) => entry.labelKey === condition.key && entry.items > 0);
      return found ? [[variationId, found] as const] : [];
    }),
  );
  return {
    options,
    sources,
    conditions,
    filter,
    settingSlug: setting.slug,
    label,
    source,
    series: prepareLabelRates(rows),
    agreement,
    problem: null,
  };
}

async function rateSources(): Promise<RateSource[]> {
  const [[consensus], annotators] = await Promise.all([
    readDb().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT transcript_id)::int AS n FROM transcript_consensus WHERE value IS NOT NULL`,
    db().$queryRaw<{ id: string; name: string; count: number }[]>`
      SELECT u.id, u.name, count(*)::int AS count FROM annotations a JOIN users u ON u.id = a.annotator_id
      WHERE a.submitted_at IS NOT NULL GROUP BY u.id, u.name ORDER BY u.name`,
  ]);
  const people = annotators.map((a) => ({ by: a.id, name: a.name, count: a.count }));
  return consensus.n > 0 ? [{ by: CONSENSUS_BY, name: "Consensus", count: consensus.n }, ...people] : people;
}
