import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { CANCELLED, defineJobKind, JobAbortedError, throwIfAborted } from "@/lib/jobs/define";
import { LocalStorage } from "@/lib/storage/local";
import { listScopeSchema } from "@/lib/transcripts/list-scope";
import type { Storage } from "@/lib/storage";
import type { JobFile } from "./jobs";
import { fileDigest } from "./manifest";
import { exportWarnings } from "./warnings";
import { exportRequestSchema } from "./request";
import { runExport } from "./run-export";

/**
 * The export job. Each attempt writes its files to a scratch directory, then
 * puts them in storage under a prefix of its own (`exports/<id>/<run id>/`),
 * and publishes them (export_jobs.storage_prefix and files, with the job's
 * `succeeded`) in one transaction that only the attempt owning the job, with
 * no cancel asked for, can commit. An attempt that dies leaves at most
 * unpublished objects, which the next attempt removes first; a cancelled one
 * removes its own. Readers never see a partial export.
 */
export const exportJob = defineJobKind({
  name: "export",
  // `scope`: whom the export reads for, the lead who started it (a job runs without a request: lib/access/exports.ts).
  payload: z.object({ exportId: z.number().int().positive(), scope: listScopeSchema }),
  // Each export is two passes over a snapshot plus a writer: CPU and a few hundred MB. More at once rarely helps on one machine.
  concurrency: 1,
  maxAttempts: 4,
  async run({ payload, databaseUrl, readDatabaseUrl, storage, runId, signal, progress, finish, log }) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { exportId } = payload;
    const runPrefix = `exports/${exportId}/${runId}/`;
    let scratch: string | null = null;
    try {
      const found = await client.query<{ request: unknown; storage_prefix: string | null }>(
        `SELECT request, storage_prefix FROM export_jobs WHERE id = $1`,
        [exportId],
      );
      const row = found.rows[0];
      if (!row) throw new Error(`Export ${exportId} does not exist.`);
      if (row.storage_prefix) return { alreadyPublished: row.storage_prefix };
      const request = exportRequestSchema.parse(row.request);
      // Whatever earlier attempts left was never published: remove it.
      const removed = await storage.deletePrefix(`exports/${exportId}/`);
      if (removed) log.info({ objects: removed }, "removed unpublished objects of an earlier attempt");

      const root = scratchRoot(storage);
      await mkdir(root, { recursive: true });
      scratch = await mkdtemp(path.join(root, `export-${exportId}-`));
      const { manifest } = await runExport(readDatabaseUrl, request, scratch, payload.scope, {
        onPlanned: (total) => progress(0, total, "transcripts"),
        onProgress: (done, total) => progress(done, total),
      });
      const files: JobFile[] = manifest.files.map((file) => ({ name: file.path, bytes: file.bytes, sha256: file.sha256, rows: file.rows }));
      for (const name of ["manifest.json", "README.md"])
        files.push({ name, ...(await fileDigest(path.join(/*turbopackIgnore: true*/ scratch, name))) });
      for (const file of files) {
        throwIfAborted(signal);
        await storage.putFile(runPrefix + file.name, path.join(/*turbopackIgnore: true*/ scratch, file.name));
      }
      await progress(manifest.counts.total, manifest.counts.total, "published");

      await client.query("BEGIN");
      await client.query(`UPDATE export_jobs SET storage_prefix = $2, files = $3 WHERE id = $1 AND storage_prefix IS NULL`, [
        exportId,
        runPrefix,
        JSON.stringify(files),
      ]);
      // Kept with the result: the export page and the API show them beside the files.
      const warnings = exportWarnings(manifest.counts, request.split);
      const published = await finish(client, { exportId, files: files.length, transcripts: manifest.counts.total, warnings });
      if (!published) {
        await client.query("ROLLBACK");
        throw new JobAbortedError(CANCELLED);
      }
      await client.query("COMMIT");
      return { exportId };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      await storage.deletePrefix(runPrefix).catch((cleanup: unknown) => log.warn({ err: cleanup }, "could not remove unpublished objects"));
      throw error;
    } finally {
      if (scratch) await rm(scratch, { recursive: true, force: true });
      await client.end().catch(() => {});
    }
  },
});

/** Local storage: scratch beside the objects (same file system, so publishing renames instead of copying). S3: the temp directory. */
function scratchRoot(storage: Storage): string {
  if (process.env.JOB_SCRATCH_DIR) return process.env.JOB_SCRATCH_DIR;
  return storage instanceof LocalStorage ? path.join(storage.root, ".scratch") : path.join(os.tmpdir(), "af-lens-scratch");
}
