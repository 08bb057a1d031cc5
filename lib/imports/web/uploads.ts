import "server-only";
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pgPool } from "@/lib/db/pg-pool";
import { storage } from "@/lib/storage";
import { uploadIdSchema, type Upload } from "./upload-schema";
import { removeUpload, uploadKey } from "./upload-files";

export { uploadIdSchema };

/**
 * Files uploaded from the import page or the API, streamed into storage
 * (never held in memory, never on one web server's disk) and recorded in
 * `uploads`, so any server can preview one and any worker import it. Uploads
 * nobody imported are removed after a day.
 */
const STALE_AFTER = "1 day";

/** A file name as the browser sent it, reduced to its base name (never a path). */
export function cleanFileName(raw: string | null): string {
  let name = raw ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as sent
  }
  name = path
    .basename(name.replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f]/g, "")
    .trim();
  return name.slice(0, 255) || "upload";
}

/** Streams a request body into storage, hashing and counting it on the way; recorded once it is all there. */
export async function saveUpload(body: ReadableStream<Uint8Array>, fileName: string, userId: string): Promise<Upload> {
  void removeStaleUploads().catch((error: unknown) => console.error("Removing stale uploads failed:", error));
  const id = randomUUID();
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  source.on("error", (error) => meter.destroy(error));
  await storage().put(uploadKey(id), source.pipe(meter));
  const upload: Upload = { id, fileName, size, sha256: hash.digest("hex") };
  await pgPool().query(`INSERT INTO uploads (id, file_name, size, sha256, storage_key, created_by_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
    id,
    fileName,
    size,
    upload.sha256,
    uploadKey(id),
    userId,
  ]);
  return upload;
}

export async function findUpload(id: string): Promise<Upload | null> {
  if (!uploadIdSchema.safeParse(id).success) return null;
  const { rows } = await pgPool().query<{ id: string; file_name: string; size: string; sha256: string }>(
    `SELECT id, file_name, size, sha256 FROM uploads WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? { id: row.id, fileName: row.file_name, size: Number(row.size), sha256: row.sha256 } : null;
}

/** Removes an upload nobody will import (an API request refused after its file arrived). */
export async function discardUpload(id: string): Promise<void> {
  await removeUpload(pgPool(), storage(), id);
}

/** Uploads older than a day that no queued or running import waits for. */
async function removeStaleUploads() {
  const { rows } = await pgPool().query<{ id: string; storage_key: string }>(
    `DELETE FROM uploads u WHERE u.created_at < now() - interval '${STALE_AFTER}'
        AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'import' AND j.status IN ('queued', 'running') AND j.payload->>'uploadId' = u.id::text)
      RETURNING id, storage_key`,
  );
  for (const row of rows) await storage().delete(row.storage_key);
}
