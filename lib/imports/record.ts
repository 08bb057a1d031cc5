import type pg from "pg";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import type { RecordError } from "./normalize";
import { storableText } from "./storable-text";

/**
 * The `imports` row of a run, written on its own connection outside the
 * import's transaction: it exists (and shows progress) while the run goes,
 * and survives a run that dies. A live run holds a session advisory lock on
 * (IMPORT_LOCK_CLASS, id); a `running` row whose lock nobody holds belongs to
 * a dead run and is marked `interrupted` (no clock involved).
 */
export const IMPORT_LOCK_CLASS = 4_711_001;
/** Held for a run's whole transaction, so two imports never interleave their writes. */
export const IMPORT_WRITE_LOCK = 4_711_002;
/** Errors beyond this many are counted, not stored. */
export const MAX_STORED_ERRORS = 10_000;

export const INTERRUPTED_MESSAGE =
  "The import stopped before it finished (the process ended or lost the database); nothing it read was committed. Run it again.";

const RETRY_MESSAGE = "The worker running it stopped before it finished; nothing was committed. It runs again shortly.";

export interface NewImport {
  fileName: string;
  fileSize: number;
  format: string;
  mapping: unknown;
  strict: boolean;
  options: Record<string, unknown>;
  createdBy: string;
  userId: string | null;
}

/**
 * Marks runs that died as interrupted ($1: IMPORT_LOCK_CLASS, $2: INTERRUPTED_MESSAGE). A run of a queued
 * import whose job is still queued or running goes back to `queued` instead: the job runs it again.
 * Shared with the web queries.
 */
export const REAP_INTERRUPTED_SQL = `
  WITH dead AS (
    SELECT i.id, EXISTS (SELECT 1 FROM jobs j WHERE j.id = i.job_id AND j.status IN ('queued', 'running')) AS retried
      FROM imports i
     WHERE i.status = 'running'
       AND NOT EXISTS (
         SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = $1::int::oid AND l.objid = i.id::oid))
  UPDATE imports SET status = CASE WHEN dead.retried THEN 'queued'::"ImportStatus" ELSE 'interrupted'::"ImportStatus" END,
         finished_at = CASE WHEN dead.retried THEN NULL ELSE now() END,
         message = CASE WHEN dead.retried THEN '${RETRY_MESSAGE}' ELSE coalesce(message, $2) END
    FROM dead WHERE imports.id = dead.id`;

/** Marks runs that died as interrupted; returns how many. */
export async function reapInterruptedImports(client: pg.ClientBase): Promise<number> {
  const { rowCount } = await client.query(REAP_INTERRUPTED_SQL, [IMPORT_LOCK_CLASS, INTERRUPTED_MESSAGE]);
  return rowCount ?? 0;
}

/**
 * Creates the row. `lockHolder` (the import's data connection) takes the
 * liveness lock before the row exists, so no reaper can see it unlocked.
 */
export async function createImportRecord(status: pg.ClientBase, lockHolder: pg.ClientBase, run: NewImport): Promise<number> {
  const { rows } = await status.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('imports', 'id')) AS id`);
  const id = Number(rows[0].id);
  await lockHolder.query(`SELECT pg_advisory_lock($1, $2)`, [IMPORT_LOCK_CLASS, id]);
  await status.query(
    `INSERT INTO imports (id, file_name, file_size, format, mapping, strict, options, created_by, user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      run.fileName,
      run.fileSize,
      run.format,
      run.mapping === undefined ? null : JSON.stringify(run.mapping),
      run.strict,
      JSON.stringify(run.options),
      run.createdBy,
      run.userId,
    ],
  );
  return id;
}

/**
 * Takes over a row made when the import was queued (or left `interrupted` by an
 * attempt that died): the liveness lock first, as for a new row, then the row
 * back to `running` with its counts, warnings and errors from any earlier attempt
 * cleared (that attempt committed nothing). The author stays the one recorded
 * when it was queued unless the run names one. Throws if the row is not waiting to run.
 */
export async function adoptImportRecord(status: pg.ClientBase, lockHolder: pg.ClientBase, id: number, run: NewImport): Promise<number> {
  await lockHolder.query(`SELECT pg_advisory_lock($1, $2)`, [IMPORT_LOCK_CLASS, id]);
  const { rowCount } = await status.query(
    `UPDATE imports SET status = 'running', started_at = now(), finished_at = NULL, duration_ms = NULL, message = NULL, notices = '{}',
            file_hash = NULL, dataset_id = NULL, file_name = $2, file_size = $3, format = $4, mapping = $5, strict = $6, options = $7,
            bytes_read = 0, records = 0, imported = 0, duplicates = 0, failed = 0, warnings = 0, user_id = coalesce($8, user_id)
      WHERE id = $1 AND status IN ('queued', 'interrupted')`,
    [
      id,
      run.fileName,
      run.fileSize,
      run.format,
      run.mapping === undefined ? null : JSON.stringify(run.mapping),
      run.strict,
      JSON.stringify(run.options),
      run.userId,
    ],
  );
  if (rowCount !== 1) {
    await lockHolder.query(`SELECT pg_advisory_unlock($1, $2)`, [IMPORT_LOCK_CLASS, id]);
    throw new Error(`Import #${id} is not waiting to run (it finished, was cancelled, or does not exist).`);
  }
  await status.query(`DELETE FROM import_errors WHERE import_id = $1`, [id]);
  return id;
}

/** A queued import's row, made by the web or the API when it puts the import on the queue. */
export async function createQueuedImportRecord(client: pg.ClientBase, id: number, run: NewImport & { jobId: number }): Promise<void> {
  await client.query(
    `INSERT INTO imports (id, status, file_name, file_size, format, mapping, strict, options, created_by, job_id, user_id)
     VALUES ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      run.fileName,
      run.fileSize,
      run.format,
      run.mapping === undefined ? null : JSON.stringify(run.mapping),
      run.strict,
      JSON.stringify(run.options),
      run.createdBy,
      run.jobId,
      run.userId,
    ],
  );
}

/** The id the next import row will have (a queued import's job names it before the row exists). */
export async function nextImportId(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('imports', 'id'))::int AS id`);
  return rows[0].id;
}

export interface Counts {
  bytesRead: number;
  records: number;
  imported: number;
  duplicates: number;
  failed: number;
}

export async function updateProgress(client: pg.ClientBase, id: number, counts: Counts) {
  await client.query(
    `UPDATE imports SET bytes_read = $2, records = $3, imported = $4, duplicates = $5, failed = $6 WHERE id = $1 AND status = 'running'`,
    [id, counts.bytesRead, counts.records, counts.imported, counts.duplicates, counts.failed],
  );
}

export type Severity = "error" | "warning";

export async function insertErrors(client: pg.ClientBase, id: number, errors: RecordError[], severity: Severity = "error") {
  if (!errors.length) return;
  await client.query(
    `INSERT INTO import_errors (import_id, line, field, message, severity)
     SELECT $1, u.*, $5 FROM unnest($2::int[], $3::text[], $4::text[]) AS u`,
    [
      id,
      errors.map((e) => (e.line > 0 ? e.line : null)),
      errors.map((e) => (e.field === undefined ? null : storableText(e.field))),
      errors.map((e) => storableText(e.message)),
      severity,
    ],
  );
}

export interface Outcome extends Counts {
  warnings?: number;
  status: ImportStatus;
  fileHash: string | null;
  datasetId: number | null;
  durationMs: number;
  message: string | null;
  notices: string[];
}

/** The final state. Run inside the import's transaction on success, so data and record commit together. */
export async function finishImportRecord(client: pg.ClientBase, id: number, outcome: Outcome) {
  await client.query(
    `UPDATE imports SET status = $2, file_hash = $3, dataset_id = $4, duration_ms = $5, message = $6, notices = $7,
            bytes_read = $8, records = $9, imported = $10, duplicates = $11, failed = $12, warnings = $13, finished_at = now()
      WHERE id = $1`,
    [
      id,
      outcome.status,
      outcome.fileHash,
      outcome.datasetId,
      Math.round(outcome.durationMs),
      outcome.message === null ? null : storableText(outcome.message),
      outcome.notices.map(storableText),
      outcome.bytesRead,
      outcome.records,
      outcome.imported,
      outcome.duplicates,
      outcome.failed,
      outcome.warnings ?? 0,
    ],
  );
}

/** An earlier successful import of the same bytes, if any: re-importing a file should say so. */
export async function findEarlierImport(
  client: pg.ClientBase,
  id: number,
  fileHash: string,
): Promise<{ id: number; startedAt: Date } | null> {
  const { rows } = await client.query<{ id: number; started_at: Date }>(
    `SELECT id, started_at FROM imports WHERE file_hash = $1 AND status = 'succeeded' AND id <> $2 ORDER BY id LIMIT 1`,
    [fileHash, id],
  );
  return rows[0] ? { id: rows[0].id, startedAt: rows[0].started_at } : null;
}
