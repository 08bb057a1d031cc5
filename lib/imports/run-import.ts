import { stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import { refreshLabelSignatures } from "@/lib/analytics/label-signatures";
import { isDatabaseUnavailable } from "@/lib/db/unavailable-error";
import { BatchWriter } from "@/lib/transcripts/batch-writer";
import { SearchVectorizer } from "@/lib/transcripts/search-vectors";
import { prepareTranscript } from "@/lib/transcripts/store";
import { findDuplicateIds } from "./duplicate-ids";
import { ErrorLog } from "./error-log";
import { isRecordField } from "./fields";
import { detectFormat, type ImportFormat } from "./formats";
import type { Mapping } from "./mapping";
import { DEFAULTS, normalizeRecord, type RecordError } from "./normalize";
import { DEFAULT_MAX_RECORD_BYTES, readRecords } from "./readers";
import * as importRecord from "./record";
import { apartName, type KeepApart } from "./keep-apart";
import { MappingMisses } from "./mapping-misses";
import { ImportRegistry } from "./registry";
import { SourceFile } from "./source-file";
import { applySystemPrompts, type SystemPromptRequest } from "./system-prompts";

export interface ImportRequest {
  filePath: string;
  /** The name the user knows the file by (an upload's original name); defaults to the path's base name. */
  fileName?: string;
  format?: ImportFormat;
  mapping?: Mapping;
  /** Defaults to the file name without its extension. */
  dataset?: string;
  /** One bad record rejects the whole file. */
  strict?: boolean;
  systemPrompts?: SystemPromptRequest[];
  /** Settings and models to store apart from existing ones of the same name (lib/imports/keep-apart.ts). */
  keepApart?: KeepApart;
  /** How it was started: "cli:<os user>", "web:<email>", "api:<email>". */
  createdBy: string;
  /** The account that started it (web and API). */
  userId?: string;
  maxRecordBytes?: number;
  /** An `imports` row made when the import was queued (web and API imports): this run takes it over instead of making one. */
  importId?: number;
}

export interface ImportProgress {
  importId: number;
  bytesRead: number;
  fileSize: number;
  records: number;
  imported: number;
  duplicates: number;
  failed: number;
  elapsedMs: number;
}

export interface ImportSummary {
  importId: number;
  status: ImportStatus;
  fileName: string;
  format: string;
  fileHash: string | null;
  dataset: string;
  imported: number;
  duplicates: number;
  failed: number;
  labels: number;
  /** The first errors (lib/imports/error-log.ts SUMMARY_ERRORS), in file order; all are in import_errors. */
  errors: RecordError[];
  /** Records imported with something to know (a duplicate source id), first ones, in file order; all are in import_errors. */
  warnings: RecordError[];
  warningCount: number;
  message: string | null;
  notices: string[];
  durationMs: number;
  /** It failed because the database went away mid-run: worth running again (nothing was committed). */
  retryable: boolean;
}

export interface ImportHooks {
  onStart?: (importId: number) => void;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting it stops the run: nothing is committed and the record says `cancelled`. */
  signal?: AbortSignal;
}

export const CANCELLED_MESSAGE = "The import was cancelled; nothing it read was committed.";

const PROGRESS_INTERVAL_MS = 250;
const YIELD_EVERY_MS = 4;

/**
 * Imports one file in one transaction: everything it stores commits together
 * with its `imports` row, or nothing does (a killed process or a lost
 * connection rolls back in PostgreSQL). Bad records are reported with their
 * line and skipped, unless `strict`. Expected failures come back as a summary
 * with status "failed"; the run is recorded either way.
 */
export async function runImport(databaseUrl: string, request: ImportRequest, hooks: ImportHooks = {}): Promise<ImportSummary> {
  const started = performance.now();
  const fileName = request.fileName ?? path.basename(request.filePath);
  const dataset = request.dataset?.trim() || path.parse(fileName).name;
  const source = new SourceFile(request.filePath);
  const fileSize = (await stat(request.filePath)).size;
  const detection = (request.format ?? request.mapping?.format) ? null : detectFormat(fileName, await source.head());
  const format = request.format ?? request.mapping?.format ?? (detection?.ok ? detection.format : "unknown");

  const status = new pg.Client({ connectionString: databaseUrl });
  const data = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection is also emitted as an event; unhandled, it would end the process. The failing query reports it.
  status.on("error", () => {});
  data.on("error", () => {});
  await status.connect();
  await data.connect();
  let vectorizer: SearchVectorizer | undefined;
  const errors = new ErrorLog();
  const warnings = new ErrorLog("warning");
  const counts = { bytesRead: 0, records: 0, imported: 0, duplicates: 0, failed: 0 };
  const summary = (
    importId: number,
    state: ImportStatus,
    message: string | null,
    notices: string[],
    fileHash: string | null,
    labels = 0,
    retryable = false,
  ): ImportSummary => ({
    importId,
    status: state,
    fileName,
    format,
    fileHash,
    dataset,
    imported: counts.imported,
    duplicates: counts.duplicates,
    failed: errors.total,
    labels,
    errors: errors.sortedFirst(),
    warnings: warnings.sortedFirst(),
    warningCount: warnings.total,
    message,
    notices,
    durationMs: Math.round(performance.now() - started),
    retryable,
  });
  try {
    await importRecord.reapInterruptedImports(status);
    const newRecord = {
      fileName,
      fileSize,
      format,
      mapping: request.mapping,
      strict: Boolean(request.strict),
      createdBy: request.createdBy,
      userId: request.userId ?? null,
      options: {
        dataset,
        keepApart: request.keepApart,
        systemPrompts: (request.systemPrompts ?? []).map(({ variation, from }) => ({ variation, from })),
      },
    };
    const importId =
      request.importId === undefined
        ? await importRecord.createImportRecord(status, data, newRecord)
        : await importRecord.adoptImportRecord(status, data, request.importId, newRecord);
    hooks.onStart?.(importId);
    let writer: BatchWriter | undefined;
    let progressWrite: Promise<unknown> = Promise.resolve();
    let lastTick = 0;
    const tick = (force = false) => {
      const now = performance.now();
      if (!force && now - lastTick < PROGRESS_INTERVAL_MS) return;
      lastTick = now;
      Object.assign(counts, {
        bytesRead: source.bytesRead,
        imported: writer?.inserted ?? 0,
        duplicates: writer?.duplicates ?? 0,
        failed: errors.total,
      });
      hooks.onProgress?.({ importId, fileSize, ...counts, elapsedMs: now - started });
      // One progress write at a time, on the record's connection; a failure here must not stop the import.
      progressWrite = progressWrite
        .then(async () => {
          await importRecord.updateProgress(status, importId, counts);
          if (errors.unflushed) await errors.flush(status, importId);
        })
        .catch(() => {});
    };
    const fail = async (message: string, fileHash: string | null, state: "failed" | "cancelled" = "failed", retryable = false) => {
      await writer?.abort();
      await data.query("ROLLBACK").catch(() => {});
      await progressWrite;
      // Whatever was written is rolled back: the record says what was committed, which is nothing.
      writer = undefined;
      tick(true);
      await progressWrite;
      await errors.flush(status, importId);
      await importRecord.finishImportRecord(status, importId, {
        ...counts,
        status: state,
        fileHash,
        datasetId: null,
        durationMs: performance.now() - started,
        message,
        notices: [],
      });
      return summary(importId, state, message, [], fileHash, 0, retryable);
    };

    if (detection && !detection.ok) {
      errors.add({ line: 0, message: detection.error });
      return await fail(detection.error, await source.sha256());
    }
    try {
      await data.query("BEGIN");
      await data.query("SELECT pg_advisory_xact_lock($1)", [importRecord.IMPORT_WRITE_LOCK]);
      const { rows } = await data.query<{ id: number }>(
        `INSERT INTO datasets (name, source) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [dataset, `import of ${fileName}`],
      );
      const datasetId = rows[0].id;
      const registry = new ImportRegistry(data);
      vectorizer = await SearchVectorizer.open(databaseUrl);
      writer = new BatchWriter(data, { datasetId, importId }, vectorizer, {
        onRejected: (rejected) => rejected.forEach((r) => errors.add({ line: r.ref, field: r.field, message: r.message })),
      });
      const context = { mapping: request.mapping, defaultLabelSource: fileName };
      const defaulted = { setting: 0, variation: 0, model: 0 };
      const misses = new MappingMisses();
      const apartSettings = new Set(request.keepApart?.settings ?? []);
      const apartModels = new Set(request.keepApart?.models ?? []);
      const keptApart = new Set<string>();
      const maxRecordBytes = request.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
      let lastYield = performance.now();

      for await (const item of readRecords(source.chunks(), format as ImportFormat, {
        maxRecordBytes,
        isRecordField,
        filePath: request.filePath,
        onZipBytes: (bytes) => (source.bytesRead = bytes),
      })) {
        if (hooks.signal?.aborted) return await fail(CANCELLED_MESSAGE, null, "cancelled");
        counts.records++;
        if ("error" in item) errors.add({ line: item.line, field: item.field, message: item.error });
        else {
          const normalized = normalizeRecord(item.line, item.record, item.group, context);
          normalized.errors.forEach((error) => errors.add(error));
          for (const transcript of normalized.transcripts) {
            for (const field of transcript.defaulted) defaulted[field]++;
            misses.count(transcript.unmatched);
            if (apartSettings.has(transcript.setting)) {
              keptApart.add(`setting "${transcript.setting}"`);
              transcript.setting = apartName(transcript.setting, dataset);
            }
            if (apartModels.has(transcript.model)) {
              keptApart.add(`model "${transcript.model}"`);
              transcript.model = apartName(transcript.model, dataset);
            }
            if (request.strict && errors.total) continue; // strict: read on to report every error, store nothing
            const slot = await registry.resolve(transcript);
            await writer.add(
              prepareTranscript({ ...slot, ...transcript, ref: transcript.line, sourceLine: transcript.line, modelName: transcript.model }),
            );
          }
        }
        tick();
        // Parsing is synchronous: let the database's replies and the COPY stream through every few milliseconds.
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
      await writer.flush();
      tick(true);
      if (hooks.signal?.aborted) return await fail(CANCELLED_MESSAGE, null, "cancelled");
      const fileHash = await source.sha256();
      if (counts.records === 0) return await fail("The file holds no records.", fileHash);
      if (request.strict && errors.total)
        return await fail(`Strict mode: ${errors.total} record(s) have errors, so nothing was imported.`, fileHash);
      if (writer.inserted + writer.duplicates === 0) return await fail("None of the records could be imported; see the errors.", fileHash);

      for (const warning of await findDuplicateIds(data, importId, datasetId)) warnings.add(warning);
      await warnings.flush(data, importId); // in the transaction: they describe what it commits
      const notices = await applySystemPrompts(data, registry.touched, request.systemPrompts ?? []);
      if (writer.labels > 0) await refreshLabelSignatures(data, await variationsOfImport(data, importId));
      for (const field of ["setting", "variation", "model"] as const) {
        if (defaulted[field])
          notices.push(`${defaulted[field]} transcript(s) gave no ${field}; stored under ${field} "${DEFAULTS[field]}".`);
      }
      notices.push(...misses.notices());
      for (const what of keptApart)
        notices.push(`Kept apart from the existing ${what}, as you chose: stored with " (${dataset})" after its name.`);
      const earlier = await importRecord.findEarlierImport(data, importId, fileHash);
      if (earlier)
        notices.push(
          `The same file was imported before (import #${earlier.id}, ${earlier.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC).`,
        );
      const message = writer.inserted === 0 ? `Nothing new: all ${writer.duplicates} transcript(s) were already stored.` : null;
      await progressWrite;
      await errors.flush(status, importId);
      Object.assign(counts, {
        bytesRead: source.bytesRead,
        imported: writer.inserted,
        duplicates: writer.duplicates,
        failed: errors.total,
      });
      const state = "succeeded";
      await importRecord.finishImportRecord(data, importId, {
        ...counts,
        warnings: warnings.total,
        status: state,
        fileHash,
        datasetId,
        durationMs: performance.now() - started,
        message,
        notices,
      });
      await data.query("COMMIT");
      return summary(importId, state, message, notices, fileHash, writer.labels);
    } catch (error) {
      // Unexpected (a lost connection, a bug): logged in full, recorded with its message.
      console.error(`Import #${importId} failed:`, error);
      const reason = (error as Error).message;
      const retryable = isDatabaseUnavailable(error);
      return await fail(`The import failed and nothing was committed: ${reason}`, null, "failed", retryable).catch(() =>
        summary(importId, "failed", reason, [], null, 0, retryable),
      );
    }
  } finally {
    await vectorizer?.close();
    await data.end().catch(() => {});
    await status.end().catch(() => {});
  }
}

async function variationsOfImport(client: pg.ClientBase, importId: number): Promise<number[]> {
  const { rows } = await client.query<{ variation_id: number }>("SELECT DISTINCT variation_id FROM transcripts WHERE import_id = $1", [
    importId,
  ]);
  return rows.map((row) => row.variation_id);
}
