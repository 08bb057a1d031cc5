import "server-only";
import { labelConditionOptions, parseLabelCondition } from "@/lib/annotations/filter-params";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/replica";
import { Prisma } from "@/lib/generated/prisma/client";
import { agreementByVariation } from "@/lib/team/agreement/load";
import { roganGladen } from "@/lib/judges/metrics/rogan-gladen";
import { consensusValidation, listJudgeSources } from "./judge-chart";
import { judgeSourceTitle } from "./judge-source";
import { CONSENSUS_BY } from "./label-sources";
import { labelRatesSql, type LabelRateFilter, type LabelRateRow } from "./label-rates-sql";
import {
  importedBy,
  importedYesNoLabelsSql,
  judgeBy,
  machineLabelRatesSql,
  parseMachineBy,
  type MachineRateSource,
} from "./machine-label-rates";
import { prepareLabelRates, type LabelRateSeries, type RateCell } from "./prepare-label-rates";
import { chartFilterOptions } from "./queries";

export interface LabelRateParams {
  setting?: string;
  model?: number;
  dataset?: number;
  by?: string;
  label?: string;
  /** "1": a judge run's rates Rogan–Gladen corrected, as on /analytics. */
  corrected?: string;
}

/**
 * Whose labels the chart can show: the consensus first (when there is one),
 * each annotator who submitted any, then each imported source with yes/no
 * labels and each finished judge run (machine-label-rates.ts).
 */
export interface RateSource {
  by: string;
  name: string;
  count: number;
  /** The labels an imported source can be rated by (its yes/no names); the judge's label key for a run. */
  labels?: { value: string; name: string }[];
}

/** The "any label" chart for one URL state: options, the resolved filter, the series, and agreement per variation. */
export async function loadLabelRates(params: LabelRateParams) {
  const [options, schema, sources] = await Promise.all([chartFilterOptions(), getCurrentSchema(), rateSources()]);
  const source = sources.find((s) => s.by === params.by) ?? sources[0];
  const machineBy = parseMachineBy(source?.by);
  const conditions = source?.labels ?? schema.labels.flatMap(labelConditionOptions);
  const setting = options.settings.find((s) => s.slug === params.setting) ?? options.settings[0];
  const label = conditions.find((c) => c.value === params.label) ?? conditions[0];
  const condition = label && (machineBy ? { key: label.value, value: true } : parseLabelCondition(label.value));
  if (!setting || !source || !condition) {
    return {
      options,
      sources,
      conditions,
      filter: null,
      machine: null,
      validation: null,
      series: [],
      agreement: new Map(),
      problem:
        "No one has submitted annotations, imported yes/no labels or finished a judge run yet: this chart shows the rate of a label across variations once there is one.",
    };
  }
  const filter: LabelRateFilter = { settingId: setting.id, modelId: params.model, datasetId: params.dataset, by: source.by, condition };
  if (machineBy) {
    const machine: MachineRateSource = machineBy.kind === "judge" ? machineBy : { ...machineBy, name: label.value };
    const rows = await readDb().$queryRaw<LabelRateRow[]>(machineLabelRatesSql(filter, machine));
    const corrected = machine.kind === "judge" && params.corrected === "1" ? await consensusValidation(machine.runId) : null;
    const series = prepareLabelRates(rows);
    return {
      options,
      sources,
      conditions,
      filter,
      machine,
      validation: corrected?.validation ?? null,
      settingSlug: setting.slug,
      label,
      source,
      series: corrected ? series.map((s) => correctedSeries(s, corrected.validation)) : series,
      agreement: new Map(),
      problem: null,
    };
  }
  const scope = [Prisma.sql`t.setting_id = ${setting.id}`];
  if (params.model) scope.push(Prisma.sql`t.model_id = ${params.model}`);
  if (params.dataset) scope.push(Prisma.sql`t.dataset_id = ${params.dataset}`);
  const [rows, byVariation] = await Promise.all([
    readDb().$queryRaw<LabelRateRow[]>(labelRatesSql(filter)),
    agreementByVariation({ where: Prisma.join(scope, " AND ") }),
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
    machine: null,
    validation: null,
    settingSlug: setting.slug,
    label,
    source,
    series: prepareLabelRates(rows),
    agreement,
    problem: null,
  };
}

type Validation = Awaited<ReturnType<typeof consensusValidation>>["validation"];

/** A judge's cells with the Rogan–Gladen rate in place of the raw one (k and n stay the judge's counts); no rate where it is undefined (Se + Sp ≤ 1). */
function correctedSeries(series: LabelRateSeries, validation: Validation): LabelRateSeries {
  const { truePositives, referencePositives, trueNegatives, referenceNegatives } = validation;
  const correct = (cell: RateCell): RateCell => ({
    ...cell,
    rate:
      cell.n === 0
        ? null
        : roganGladen({ judgedPositive: cell.k, n: cell.n, truePositives, referencePositives, trueNegatives, referenceNegatives }),
  });
  return { ...series, training: correct(series.training), deployment: correct(series.deployment) };
}

async function rateSources(): Promise<RateSource[]> {
  const [[consensus], annotators, imported, judges, schema] = await Promise.all([
    readDb().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT transcript_id)::int AS n FROM transcript_consensus WHERE value IS NOT NULL`,
    db().$queryRaw<{ id: string; name: string; count: number }[]>`
      SELECT u.id, u.name, count(*)::int AS count FROM annotations a JOIN users u ON u.id = a.annotator_id
      WHERE a.submitted_at IS NOT NULL GROUP BY u.id, u.name ORDER BY u.name`,
    readDb().$queryRaw<{ source: string; names: string[]; count: number }[]>(importedYesNoLabelsSql),
    listJudgeSources(),
    getCurrentSchema(),
  ]);
  const people = annotators.map((a) => ({ by: a.id, name: a.name, count: a.count }));
  const humans = consensus.n > 0 ? [{ by: CONSENSUS_BY, name: "Consensus", count: consensus.n }, ...people] : people;
  return [...humans, ...imported.map(importedSource), ...judges.map(judgeSource(schema.labels))];
}

const importedSource = (row: { source: string; names: string[]; count: number }): RateSource => ({
  by: importedBy(row.source),
  name: `imported: ${row.source}`,
  count: row.count,
  labels: row.names.map((name) => ({ value: name, name: `${name}: true` })),
});

const judgeSource =
  (labels: { key: string; name: string }[]) =>
  (run: Awaited<ReturnType<typeof listJudgeSources>>[number]): RateSource => ({
    by: judgeBy(run.runId),
    name: judgeSourceTitle(run),
    count: run.predictions,
    labels: [{ value: run.labelKey, name: `${labels.find((l) => l.key === run.labelKey)?.name ?? run.labelKey}: judged yes` }],
  });
