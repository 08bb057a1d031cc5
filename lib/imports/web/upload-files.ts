import { createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import type { Storage } from "@/lib/storage";
import { ZIP_MAGIC } from "../readers/inspect";

/** Where an upload's bytes are in storage. */
export const uploadKey = (id: string) => `uploads/${id}`;

/**
 * Runs `use` with the upload as a local file (the import engine and the
 * preview read files): the object itself with local storage, else a copy in
 * the temp directory, removed afterwards. `maxBytes` copies only the start
 * (the preview reads the first records).
 */
export async function withUploadFile<T>(
  storage: Storage,
  id: string,
  read: (filePath: string) => Promise<T>,
  options: { maxBytes?: number } = {},
): Promise<T | null> {
  const key = uploadKey(id);
  const local = storage.localPath(key);
  if (local) return (await storage.stat(key)) ? read(local) : null;
  const body = await storage.read(key);
  if (!body) return null;
  const directory = await mkdtemp(path.join(os.tmpdir(), "af-lens-upload-"));
  const file = path.join(directory, "upload");
  try {
    await pipeline(options.maxBytes ? limit(body, options.maxBytes) : body, createWriteStream(file));
    return await read(file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * `withUploadFile` for a preview: only the first `maxBytes` of the upload,
 * except a zip (an Inspect .eval log), which is read from its directory at the
 * end and so is fetched whole.
 */
export async function withUploadHead<T>(
  storage: Storage,
  id: string,
  read: (filePath: string) => Promise<T>,
  maxBytes: number,
): Promise<T | null> {
  if (storage.localPath(uploadKey(id))) return withUploadFile(storage, id, read);
  const zipped = await withUploadFile(storage, id, startsWithZip, { maxBytes: ZIP_MAGIC.length });
  if (zipped === null) return null;
  return withUploadFile(storage, id, read, zipped ? {} : { maxBytes });
}

async function startsWithZip(filePath: string): Promise<boolean> {
  const file = await open(filePath, "r");
  try {
    const head = Buffer.alloc(ZIP_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(ZIP_MAGIC);
  } finally {
    await file.close();
  }
}

async function* limit(body: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  let left = maxBytes;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (left <= 0) break;
    yield chunk.subarray(0, left);
    left -= chunk.length;
  }
  body.destroy();
}

/** Removes an upload once its import is over (object first: a row without its object is the harmless side). */
export async function removeUpload(client: Pick<pg.ClientBase, "query">, storage: Storage, id: string) {
  await storage.delete(uploadKey(id));
  await client.query(`DELETE FROM uploads WHERE id = $1`, [id]);
}
