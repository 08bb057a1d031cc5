import "server-only";
import { labelConditionOptions, parseLabelCondition } from "@/lib/annotations/filter-params";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { db } from "@/lib/db/client";
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

/** The "any label" chart for one URL state: options, the resolved filter, the series. */
export async function loadLabelRates(params: LabelRateParams) {
  const [options, schema, annotators] = await Promise.all([chartFilterOptions(), getCurrentSchema(), labellingAnnotators()]);
  const conditions = schema.labels.flatMap(labelConditionOptions);
  const setting = options.settings.find((s) => s.slug === params.setting) ?? options.settings[0];
  const annotator = annotators.find((a) => a.id === params.by) ?? annotators[0];
  const label = conditions.find((c) => c.value === params.label) ?? conditions[0];
  const condition = label && parseLabelCondition(label.value);
  if (!setting || !annotator || !condition) {
    return { options, annotators, conditions, filter: null, series: [], problem: "No one has submitted annotations yet: this chart shows the rate of a label across variations once someone has." };
  }
  const filter: LabelRateFilter = { settingId: setting.id, modelId: params.model, datasetId: params.dataset, annotatorId: annotator.id, condition };
  const series = prepareLabelRates(await db().$queryRaw<LabelRateRow[]>(labelRatesSql(filter)));
  return { options, annotators, conditions, filter, settingSlug: setting.slug, label, annotator, series, problem: null };
}

async function labellingAnnotators() {
  return db().$queryRaw<{ id: string; name: string; count: number }[]>`
    SELECT u.id, u.name, count(*)::int AS count FROM annotations a JOIN users u ON u.id = a.annotator_id
    WHERE a.submitted_at IS NOT NULL GROUP BY u.id, u.name ORDER BY u.name`;
}
