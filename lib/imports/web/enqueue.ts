import "server-only";
import type pg from "pg";
import { enqueueJob } from "@/lib/jobs/queue";
import { parseMapping } from "../mapping";
import { createQueuedImportRecord, nextImportId } from "../record";
import type { ImportJobPayload } from "./import-job";
import type { Upload } from "./upload-schema";

export type ImportOptions = Omit<ImportJobPayload, "importId" | "uploadId" | "fileName" | "createdBy" | "userId">;

/**
 * Puts an uploaded file's import on the queue: its `imports` row (status
 * `queued`, so the history and the API show it at once) and its job, in one
 * transaction. Returns the import's id. `who.userId` is both the job's creator
 * and the import's author (`imports.user_id`), carried to the run in the payload.
 */
export async function enqueueImport(
  pool: pg.Pool,
  upload: Upload,
  options: ImportOptions,
  who: { userId: string; createdBy: string },
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const importId = await nextImportId(client);
    const payload: ImportJobPayload = {
      ...options,
      importId,
      uploadId: upload.id,
      fileName: upload.fileName,
      createdBy: who.createdBy,
      userId: who.userId,
    };
    const jobId = await enqueueJob(client, "import", payload, { createdById: who.userId });
    await createQueuedImportRecord(client, importId, {
      fileName: upload.fileName,
      fileSize: upload.size,
      format: options.format ?? "detect",
      mapping: mappingOf(options.mappingText),
      strict: options.strict,
      options: {
        dataset: options.dataset,
        keepApart: options.keepApart,
        systemPrompts: options.systemPrompts.map(({ variation, from }) => ({ variation, from })),
      },
      createdBy: who.createdBy,
      userId: who.userId,
      jobId,
    });
    await client.query("COMMIT");
    return importId;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function mappingOf(text: string | undefined) {
  if (!text?.trim()) return undefined;
  const parsed = parseMapping(text);
  return parsed.ok ? parsed.mapping : undefined;
}
