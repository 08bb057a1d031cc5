import "server-only";
import { db } from "@/lib/db/client";
import { IMPORT_LOCK_CLASS, INTERRUPTED_MESSAGE, REAP_INTERRUPTED_SQL } from "../record";

/** Runs that died (no live importer holds their lock) are marked before anyone reads the history. */
async function reapInterrupted() {
  await db().$executeRawUnsafe(REAP_INTERRUPTED_SQL, IMPORT_LOCK_CLASS, INTERRUPTED_MESSAGE);
}

const listSelect = {
  id: true,
  status: true,
  fileName: true,
  fileSize: true,
  fileHash: true,
  format: true,
  strict: true,
  createdBy: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  records: true,
  imported: true,
  duplicates: true,
  failed: true,
  warnings: true,
  bytesRead: true,
  message: true,
  dataset: { select: { name: true } },
  options: true,
  jobId: true,
} as const;

export async function listImports(limit = 200) {
  await reapInterrupted();
  const rows = await db().import.findMany({ orderBy: { id: "desc" }, take: limit, select: listSelect });
  return rows.map(toView);
}

export type ImportView = Awaited<ReturnType<typeof listImports>>[number];

/** BigInts to numbers (sizes fit easily), and the dataset's name even before the import created it. */
function toView<T extends { fileSize: bigint; bytesRead: bigint; options: unknown; dataset: { name: string } | null }>(row: T) {
  const options = (row.options ?? {}) as { dataset?: string };
  return {
    ...row,
    fileSize: Number(row.fileSize),
    bytesRead: Number(row.bytesRead),
    datasetName: row.dataset?.name ?? options.dataset ?? null,
  };
}

function findImportRow(id: number) {
  return db().import.findUnique({ where: { id }, select: { ...listSelect, mapping: true, notices: true } });
}

export const ERRORS_SHOWN = 200;

export async function getImport(id: number) {
  await reapInterrupted();
  const row = await findImportRow(id);
  if (!row) return null;
  const [errors, storedErrors] = await Promise.all([
    db().importError.findMany({
      where: { importId: id },
      orderBy: [{ line: "asc" }, { id: "asc" }],
      take: ERRORS_SHOWN,
      select: { line: true, field: true, message: true, severity: true },
    }),
    db().importError.count({ where: { importId: id } }),
  ]);
  return { ...toView(row), mapping: row.mapping, notices: row.notices, errors, storedErrors };
}

/** The progress the import page polls for: small and cheap. */
export async function getImportProgress(id: number) {
  await reapInterrupted();
  const row = await db().import.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      fileSize: true,
      bytesRead: true,
      records: true,
      imported: true,
      duplicates: true,
      failed: true,
      startedAt: true,
      durationMs: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    fileSize: Number(row.fileSize),
    bytesRead: Number(row.bytesRead),
    elapsedMs: row.durationMs ?? Date.now() - row.startedAt.getTime(),
  };
}

export async function getImportErrors(id: number) {
  return db().importError.findMany({
    where: { importId: id },
    orderBy: [{ line: "asc" }, { id: "asc" }],
    select: { line: true, field: true, message: true, severity: true },
  });
}

export interface ImportContentRow {
  setting: string;
  variationId: number;
  variation: string;
  model: string;
  training: number;
  deployment: number;
  /** Transcripts of this import whose pair has its other condition too (from this import or an earlier one). */
  paired: number;
  firstTranscriptId: number;
}

/** What an import stored, per setting, variation and model, and the source labels that came with it. */
export async function getImportContents(id: number) {
  const slots = await db().$queryRaw<
    {
      setting: string;
      variation_id: number;
      variation: string;
      model: string;
      training: bigint;
      deployment: bigint;
      paired: bigint;
      first_id: number;
    }[]
  >`
    SELECT s.name AS setting, v.id AS variation_id, v.name AS variation, m.name AS model,
           count(*) FILTER (WHERE t.condition = 'training') AS training, count(*) FILTER (WHERE t.condition = 'deployment') AS deployment,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM transcripts o WHERE o.pair_id = t.pair_id AND o.id <> t.id)) AS paired,
           min(t.id) AS first_id
      FROM transcripts t
      JOIN settings s ON s.id = t.setting_id JOIN prompt_variations v ON v.id = t.variation_id JOIN models m ON m.id = t.model_id
     WHERE t.import_id = ${id}
     GROUP BY s.id, s.name, v.id, v.name, v.position, m.name
     ORDER BY s.id, v.position, v.id, m.name`;
  const labels = await db().$queryRaw<{ source: string; name: string; value: string; n: bigint }[]>`
    SELECT l.source, l.name, l.value, count(*) AS n
      FROM source_labels l JOIN transcripts t ON t.id = l.transcript_id
     WHERE t.import_id = ${id}
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC LIMIT 60`;
  return {
    slots: slots.map((row): ImportContentRow => ({
      setting: row.setting,
      variationId: row.variation_id,
      variation: row.variation,
      model: row.model,
      training: Number(row.training),
      deployment: Number(row.deployment),
      paired: Number(row.paired),
      firstTranscriptId: row.first_id,
    })),
    labels: labels.map((row) => ({ source: row.source, name: row.name, value: row.value, count: Number(row.n) })),
  };
}
