import "server-only";
import { db } from "@/lib/db/client";
import type { ReferenceRow } from "./reference";

/** Stores (or replaces, by name) a reference series, in one transaction. */
export async function saveReferenceSeries(name: string, source: string | null, rows: ReferenceRow[]): Promise<number> {
  return db().$transaction(async (tx) => {
    await tx.referenceSeries.deleteMany({ where: { name } });
    const series = await tx.referenceSeries.create({ data: { name, source }, select: { id: true } });
    await tx.referenceValue.createMany({
      data: rows.map((row) => ({
        seriesId: series.id,
        setting: row.setting,
        variationNo: row.variation_no ?? null,
        variation: row.variation,
        model: row.model,
        afReasoningPct: row.af_reasoning_pct ?? null,
        afReasoningSe: row.af_reasoning_se ?? null,
        noncomplianceTrainingPct: row.noncompliance_training_pct ?? null,
        noncomplianceTrainingSe: row.noncompliance_training_se ?? null,
        noncomplianceUnmonitoredPct: row.noncompliance_unmonitored_pct ?? null,
        noncomplianceUnmonitoredSe: row.noncompliance_unmonitored_se ?? null,
        complianceGapPct: row.compliance_gap_pct ?? null,
        complianceGapSe: row.compliance_gap_se ?? null,
      })),
    });
    return series.id;
  });
}

export async function listReferenceSeries() {
  const series = await db().referenceSeries.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, source: true, createdAt: true, _count: { select: { values: true } } },
  });
  // Most-published model first: the natural default (the paper's main model).
  const models = await db().referenceValue.groupBy({ by: ["seriesId", "model"], _count: { _all: true }, orderBy: { model: "asc" } });
  return series.map((s) => ({
    ...s,
    models: models
      .filter((m) => m.seriesId === s.id)
      .sort((a, b) => b._count._all - a._count._all)
      .map((m) => m.model),
  }));
}

export async function deleteReferenceSeries(id: number) {
  await db().referenceSeries.delete({ where: { id } });
}

/** The published rows of one series for a setting and model, shaped for matching. */
export async function referenceRows(seriesId: number, setting: string, model: string) {
  return db().referenceValue.findMany({
    where: { seriesId, setting, model },
    select: {
      variation: true,
      variationNo: true,
      afReasoningPct: true,
      noncomplianceTrainingPct: true,
      noncomplianceTrainingSe: true,
      noncomplianceUnmonitoredPct: true,
      noncomplianceUnmonitoredSe: true,
      complianceGapPct: true,
    },
  });
}

/** Every setting's variations, shaped for matching a file's rows against them at upload. */
export async function measuredVariationsBySetting() {
  const settings = await db().setting.findMany({
    select: { slug: true, variations: { select: { id: true, name: true, referenceNo: true } } },
  });
  return settings.map((setting) => ({
    slug: setting.slug,
    variations: setting.variations.map((v) => ({ variationId: v.id, name: v.name, referenceNo: v.referenceNo })),
  }));
}
