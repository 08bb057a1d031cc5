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
import { DEFAULT_ALPHA } from "./chart-params";
import { labelRateGaps, type LabelRateGap } from "./label-rate-gaps";
import type { MultiplicityMethod } from "./stats/multiplicity";

export interface LabelRateParams {
  setting?: string;
  model?: number;
  dataset?: number;
  by?: string;
  label?: string;
  /** "1": a judge run's rates Rogan–Gladen corrected, as on /analytics. */
  corrected?: string;
  /** The gaps' significance level and correction (none: the adjusted p-values are shown, nothing flagged). */
  alpha?: number;
  flag?: MultiplicityMethod;
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
  /** What `count` counts, for the menu (default "labelled"). */
  unit?: string;
  /** A judge run's one label (its key); an imported source's are read when it is chosen. */
  labels?: { value: string; name: string }[];
}

/**
 * The "any label" chart for one URL state: options, the resolved filter, the series, agreement per
 * variation, and each variation's training–deployment gap with its corrected test (label-rate-gaps.ts).
 */
export async function loadLabelRates(params: LabelRateParams) {
  const data = await loadRates(params);
  const { gaps, significance } = labelRateGaps(data.series, { alpha: params.alpha ?? DEFAULT_ALPHA, flag: params.flag ?? null });
  return { ...data, gaps: gaps as Map<number, LabelRateGap>, significance };
}

async function loadRates(params: LabelRateParams) {
  // The sources' own counts need not wait for the chart's options: one wave, not two.
  const optionsRead = chartFilterOptions();
  const schemaRead = getCurrentSchema();
  const [options, schema, sources] = await Promise.all([optionsRead, schemaRead, rateSources(optionsRead, schemaRead)]);
  const source = sources.find((s) => s.by === params.by) ?? sources[0];
  const machineBy = parseMachineBy(source?.by);
  // An imported source's yes/no labels are read for the chosen source only (its rows of the index), not for every source.
  const conditions =
    machineBy?.kind === "imported"
      ? await importedYesNoLabels(machineBy.source)
      : (source?.labels ?? schema.labels.flatMap(labelConditionOptions));
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
  // The setting as its variations (the stored per-variation counts); a model or dataset narrows the transcripts.
  const narrower = [];
  if (params.model) narrower.push(Prisma.sql`t.model_id = ${params.model}`);
  if (params.dataset) narrower.push(Prisma.sql`t.dataset_id = ${params.dataset}`);
  const [rows, byVariation] = await Promise.all([
    readDb().$queryRaw<LabelRateRow[]>(labelRatesSql(filter)),
    agreementByVariation({
      settingId: setting.id,
      where: narrower.length ? Prisma.join(narrower, " AND ") : undefined,
      labelKeys: [condition.key],
    }),
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

async function rateSources(
  optionsRead: ReturnType<typeof chartFilterOptions>,
  schemaRead: ReturnType<typeof getCurrentSchema>,
): Promise<RateSource[]> {
  const [[consensus], annotators, judges, options, { labels }] = await Promise.all([
    readDb().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT transcript_id)::int AS n FROM transcript_consensus WHERE value IS NOT NULL`,
    // Counted through the partial index x_annotations_submitted_by (migration 20261206100200).
    db().$queryRaw<{ id: string; name: string; count: number }[]>`
      SELECT u.id, u.name, c.count
      FROM (SELECT annotator_id, count(*)::int AS count FROM annotations WHERE submitted_at IS NOT NULL GROUP BY annotator_id) c
      JOIN users u ON u.id = c.annotator_id ORDER BY u.name`,
    listJudgeSources(),
    optionsRead,
    schemaRead,
  ]);
  const people = annotators.map((a) => ({ by: a.id, name: a.name, count: a.count }));
  const humans = consensus.n > 0 ? [{ by: CONSENSUS_BY, name: "Consensus", count: consensus.n }, ...people] : people;
  // Imported sources as the variation chart lists them (chartFilterOptions), counted in labelled pairs (its coverage).
  const pairs = (source: string) => options.coverage.filter((c) => c.source === source).reduce((sum, c) => sum + c.n, 0);
  const imported = options.sources.map(({ source }) => ({
    by: importedBy(source),
    name: `imported: ${source}`,
    count: pairs(source),
    unit: "pairs labelled",
  }));
  return [...humans, ...imported, ...judges.map(judgeSource(labels))];
}

async function importedYesNoLabels(source: string): Promise<{ value: string; name: string }[]> {
  const rows = await readDb().$queryRaw<{ name: string }[]>(importedYesNoLabelsSql(source));
  return rows.map(({ name }) => ({ value: name, name: `${name}: true` }));
}

const judgeSource =
  (labels: { key: string; name: string }[]) =>
  (run: Awaited<ReturnType<typeof listJudgeSources>>[number]): RateSource => ({
    by: judgeBy(run.runId),
    name: judgeSourceTitle(run),
    count: run.predictions,
    unit: "judged",
    labels: [{ value: run.labelKey, name: `${labels.find((l) => l.key === run.labelKey)?.name ?? run.labelKey}: judged yes` }],
  });
