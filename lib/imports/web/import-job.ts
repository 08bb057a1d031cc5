import pg from "pg";
import { z } from "zod";
import { CANCELLED, defineJobKind, JobAbortedError, TransientJobError } from "@/lib/jobs/define";
import { importFormatSchema } from "../formats";
import { keepApartSchema } from "../keep-apart";
import { parseMapping } from "../mapping";
import { runImport } from "../run-import";
import { removeUpload, withUploadFile } from "./upload-files";

export const importJobPayload = z.object({
  /** The `imports` row made when it was queued; the run takes it over. */
  importId: z.number().int().positive(),
  uploadId: z.uuid(),
  fileName: z.string().min(1).max(255),
  format: importFormatSchema.optional(),
  /** The mapping as the user wrote it (parsed again when the job runs). */
  mappingText: z.string().max(200_000).optional(),
  dataset: z.string().max(200).optional(),
  strict: z.boolean(),
  systemPrompts: z
    .array(z.object({ variation: z.string().max(200).optional(), text: z.string().min(1).max(500_000), from: z.string().min(1).max(255) }))
    .max(50),
  /** Settings and models to store apart from existing ones of the same name (lib/imports/keep-apart.ts). */
  keepApart: keepApartSchema.optional(),
  createdBy: z.string().min(1).max(300),
  /** The account that queued it (the job's creator): the import's author. Optional for jobs queued before it was carried. */
  userId: z.string().min(1).max(300).optional(),
});
export type ImportJobPayload = z.infer<typeof importJobPayload>;

/**
 * An import from the web or the API, run by a worker through the same engine
 * as `npm run import` (one transaction: all or nothing). Retried when the
 * database went away mid-run; a worker killed mid-run rolls its transaction
 * back, and the next attempt starts over on the same `imports` row; rows
 * already stored are recognised by their content hash, so none is doubled.
 */
export const importJob = defineJobKind({
  name: "import",
  payload: importJobPayload,
  // Imports take one write lock in turn (lib/imports/record.ts IMPORT_WRITE_LOCK): a second slot would only wait.
  concurrency: 1,
  maxAttempts: 4,
  async run({ payload, databaseUrl, storage, signal, progress, attempt, maxAttempts }) {
    const mapping = payload.mappingText?.trim() ? parseMapping(payload.mappingText) : null;
    if (mapping && !mapping.ok) throw new Error(`The mapping is not valid: ${mapping.errors.join("; ")}`);
    const summary = await withUploadFile(storage, payload.uploadId, (filePath) =>
      runImport(
        databaseUrl,
        {
          filePath,
          fileName: payload.fileName,
          format: payload.format,
          mapping: mapping?.mapping,
          dataset: payload.dataset,
          strict: payload.strict,
          systemPrompts: payload.systemPrompts,
          keepApart: payload.keepApart,
          createdBy: payload.createdBy,
          userId: payload.userId,
          importId: payload.importId,
        },
        { signal, onProgress: (p) => void progress(p.bytesRead, p.fileSize, "bytes").catch(() => {}) },
      ),
    );
    if (!summary) throw new Error("The uploaded file is no longer in storage; upload it again.");
    if (summary.status === "failed" && summary.retryable && attempt < maxAttempts) {
      await markRetrying(databaseUrl, payload.importId, summary.message);
      throw new TransientJobError(summary.message ?? "The import lost the database.");
    }
    // The import reached its end (its record says how): the upload is no longer needed.
    await removeUploadWith(databaseUrl, storage, payload.uploadId);
    if (summary.status === "cancelled") throw new JobAbortedError(CANCELLED);
    if (summary.status === "failed") throw new Error(summary.message ?? "The import failed; see its errors.");
    return {
      importId: summary.importId,
      status: summary.status,
      imported: summary.imported,
      duplicates: summary.duplicates,
      failed: summary.failed,
    };
  },
  async settled(client, payload, outcome) {
    // The run records its own end; this covers an import that never ran (cancelled while queued) or whose worker died for good.
    await client.query(
      `UPDATE imports SET status = $2, finished_at = now(), message = $3 WHERE id = $1 AND status IN ('queued', 'running', 'interrupted')`,
      [payload.importId, outcome.status, outcome.status === "cancelled" ? "The import was cancelled before it ran." : outcome.message],
    );
  },
});

async function markRetrying(databaseUrl: string, importId: number, reason: string | null) {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query(`UPDATE imports SET status = 'queued', finished_at = NULL, message = $2 WHERE id = $1`, [
      importId,
      `${reason ?? "The import failed"}. It runs again shortly.`,
    ]);
  } catch {
    // The database is what went away: the next attempt's run sets the record right.
  } finally {
    await client.end().catch(() => {});
  }
}

async function removeUploadWith(databaseUrl: string, storage: Parameters<typeof removeUpload>[1], uploadId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await removeUpload(client, storage, uploadId);
  } finally {
    await client.end();
  }
}
