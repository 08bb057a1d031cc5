import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListFilters } from "@/lib/transcripts/list-state";
import packageJson from "@/package.json";
import { writeDatasetCard } from "./dataset-card";
import { fileDigest, writeManifest, type ExportFile, type Manifest, type SplitCounts } from "./manifest";
import { SPLITS, toListFilters, type ExportRequest, type SplitName } from "./request";
import { buildExportRow, type RawExportRow } from "./row";
import { exportConsensus, type ConsensusCell } from "./consensus";
import type { ListScope } from "@/lib/transcripts/list-scope";
import { annotatorsSql, planSql, rowsSql } from "./rows-sql";
import { assignSplits, stratumOf, type SplitGroup } from "./split";
import { FILE_EXTENSIONS, openWriter, type RowWriter } from "./writers";

export interface ExportHooks {
  /** Pass 1 is done: this many transcripts match. */
  onPlanned?: (total: number) => void | Promise<void>;
  /** Called every PROGRESS_EVERY rows while writing. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface ExportResult {
  directory: string;
  manifest: Manifest;
}

const PLAN_BATCH = 10_000;
/** Rows fetched at a time in pass 2: a few MB of text, so memory stays flat. */
const ROW_BATCH = 500;
const PROGRESS_EVERY = 2_000;

interface Plan {
  total: number;
  splitOf: Map<number, SplitName>;
  annotators: string[];
  consensus: Map<number, Record<string, ConsensusCell>>;
}

/**
 * Exports every transcript matching `request.filters` into `directory`:
 * `data/<split>.<format>` per split with a non-zero ratio, `manifest.json`
 * and a dataset card `README.md`.
 *
 * Two passes over one snapshot (a REPEATABLE READ transaction, cursors):
 * pass 1 reads only ids, queries and annotation values to plan the split;
 * pass 2 streams the rows in batches straight into the writers. Memory holds
 * one batch plus the plan (a few numbers per query), whatever the size.
 *
 * `scope`: whom it reads for. The export job passes the scope of the lead who
 * started it (stored in its payload); the command line its operator's,
 * `leadScope()`. There is no default.
 */
export async function runExport(
  databaseUrl: string,
  request: ExportRequest,
  directory: string,
  scope: ListScope,
  hooks: ExportHooks = {},
): Promise<ExportResult> {
  const started = new Date();
  const filters = toListFilters(request.filters);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const dataDir = path.join(directory, "data");
  await mkdir(dataDir, { recursive: true });
  const writers = new Map<SplitName, { writer: RowWriter; file: string }>();
  const counts: Record<SplitName, SplitCounts> = { train: emptyCounts(), validation: emptyCounts(), test: emptyCounts() };
  let schemaVersions = new Set<number>();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const plan = await planSplit(client, filters, scope, request);
    await hooks.onPlanned?.(plan.total);

    const annotatorNames = new Map(plan.annotators.map((id, i) => [id, request.anonymize ? `annotator-${i + 1}` : id]));
    const context = {
      splitOf: (queryId: number) => plan.splitOf.get(queryId) ?? "train",
      annotatorName: (id: string) => annotatorNames.get(id) ?? id,
      importedLabels: request.importedLabels,
    };
    const metadata = { "af_lens.filters": JSON.stringify(request.filters), "af_lens.seed": String(request.seed) };
    SPLITS.forEach((split, i) => {
      if (request.split[i] === 0) return;
      const file = `data/${split}.${FILE_EXTENSIONS[request.format]}`;
      writers.set(split, { writer: openWriter(request.format, path.join(directory, file), metadata), file });
    });

    let done = 0;
    for await (const raw of cursorRows<RawExportRow>(client, "export_rows", rowsSql(filters, scope, request.importedLabels), ROW_BATCH)) {
      const row = buildExportRow({ ...raw, consensus: plan.consensus.get(raw.id) ?? null }, context);
      for (const annotation of row.annotations) {
        schemaVersions.add(annotation.schema_version);
        for (const span of annotation.spans) {
          // The promise of the export: the text at the offsets is the highlighted text.
          if (row.scratchpad_text.slice(span.start_utf16, span.end_utf16) !== span.text) {
            throw new Error(
              `Transcript ${row.transcript_id}: a "${span.label}" span (${span.start_utf16}-${span.end_utf16}) no longer matches its text; the export was stopped.`,
            );
          }
        }
      }
      const target = writers.get(row.split) ?? [...writers.values()][0];
      await target.writer.write(row);
      const splitCounts = counts[row.split];
      splitCounts.total++;
      splitCounts.by_label[row.consensus_label] = (splitCounts.by_label[row.consensus_label] ?? 0) + 1;
      splitCounts.by_condition[row.condition]++;
      if (++done % PROGRESS_EVERY === 0) await hooks.onProgress?.(done, plan.total);
    }
    await hooks.onProgress?.(done, plan.total);
    const schemas = await client.query<{ version: number; labels: unknown }>(
      `SELECT version, labels FROM label_schema_versions WHERE version = ANY($1::int[]) ORDER BY version`,
      [[...schemaVersions]],
    );
    await client.query("COMMIT");
    for (const { writer } of writers.values()) await writer.close();
    writers.clear();

    const files: ExportFile[] = [];
    SPLITS.forEach((split, i) => {
      if (request.split[i] === 0) return;
      files.push({ path: `data/${split}.${FILE_EXTENSIONS[request.format]}`, split, rows: counts[split].total, bytes: 0, sha256: "" });
    });
    for (const file of files) Object.assign(file, await fileDigest(path.join(directory, file.path)));
    const manifest: Manifest = {
      manifest_version: 1,
      app: { name: "af-lens", version: packageJson.version },
      created_at: started.toISOString(),
      request,
      counts: { total: done, splits: counts },
      label_schemas: schemas.rows,
      files,
    };
    await writeManifest(directory, manifest);
    await writeDatasetCard(directory, manifest);
    return { directory, manifest };
  } finally {
    for (const { writer } of writers.values()) await writer.close().catch(() => {});
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
    schemaVersions = new Set();
  }
}

function emptyCounts(): SplitCounts {
  return { total: 0, by_condition: { training: 0, deployment: 0 }, by_label: {} };
}

/**
 * Pass 1: per query, how many transcripts carry each consensus label; then
 * the split. The consensus of labelled transcripts is kept for pass 2: memory
 * grows with the human-labelled transcripts, not with the corpus.
 */
async function planSplit(client: pg.Client, filters: ListFilters, scope: ListScope, request: ExportRequest): Promise<Plan> {
  const perQuery = new Map<number, Map<string, number>>();
  const consensus = new Map<number, Record<string, ConsensusCell>>();
  let total = 0;
  for await (const row of cursorRows<{ id: number; query_id: number; consensus: Record<string, ConsensusCell> | null }>(
    client,
    "export_plan",
    planSql(filters, scope),
    PLAN_BATCH,
  )) {
    total++;
    if (row.consensus) consensus.set(row.id, row.consensus);
    const label = exportConsensus(row.consensus).label;
    const labels = perQuery.get(row.query_id) ?? new Map<string, number>();
    labels.set(label, (labels.get(label) ?? 0) + 1);
    perQuery.set(row.query_id, labels);
  }
  const groups: SplitGroup[] = [...perQuery].map(([queryId, labels]) => ({
    queryId,
    size: [...labels.values()].reduce((a, b) => a + b, 0),
    stratum: stratumOf(labels),
  }));
  const annotatorsQuery = annotatorsSql(filters, scope);
  const annotators = await client.query<{ annotator_id: string }>(annotatorsQuery.text, annotatorsQuery.values as unknown[]);
  return {
    total,
    splitOf: assignSplits(groups, request.split, request.seed),
    annotators: annotators.rows.map((row) => row.annotator_id),
    consensus,
  };
}

/** Rows of `sql` through a server-side cursor, `batch` at a time (inside the caller's transaction). */
async function* cursorRows<T>(client: pg.Client, name: string, sql: Prisma.Sql, batch: number): AsyncGenerator<T> {
  await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql.text}`, sql.values as unknown[]);
  try {
    for (;;) {
      const { rows } = await client.query<T & object>(`FETCH ${batch} FROM ${name}`);
      for (const row of rows) yield row;
      if (rows.length < batch) return;
    }
  } finally {
    await client.query(`CLOSE ${name}`).catch(() => {});
  }
}
