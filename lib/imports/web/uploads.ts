import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { uploadIdSchema, uploadSchema, type Upload } from "./upload-schema";

export { uploadIdSchema };

/**
 * Files uploaded from the import page, kept on disk (never in memory) until
 * their import has run. Each upload is `<id>.upload` plus `<id>.json` (its
 * name, size, hash). Uploads nobody imported are removed after a day.
 */
// IMPORT_UPLOAD_DIR: somewhere with room for the largest file you will upload (the system temp directory by default).
export const UPLOAD_DIR = process.env.IMPORT_UPLOAD_DIR ?? path.join(os.tmpdir(), "af-lens-uploads");
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const dataPath = (id: string) => path.join(UPLOAD_DIR, `${id}.upload`);
const metaPath = (id: string) => path.join(UPLOAD_DIR, `${id}.json`);

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

/** Streams a request body to disk, hashing it on the way. */
export async function saveUpload(body: ReadableStream<Uint8Array>, fileName: string): Promise<Upload> {
  await mkdir(UPLOAD_DIR, { recursive: true });
  void removeStaleUploads();
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
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), meter, createWriteStream(dataPath(id)));
  } catch (error) {
    await rm(dataPath(id), { force: true });
    throw error;
  }
  const upload: Upload = { id, fileName, size, sha256: hash.digest("hex") };
  await writeFile(metaPath(id), JSON.stringify(upload));
  return upload;
}

export async function findUpload(id: string): Promise<(Upload & { path: string }) | null> {
  if (!uploadIdSchema.safeParse(id).success) return null;
  try {
    const upload = uploadSchema.parse(JSON.parse(await readFile(metaPath(id), "utf8")));
    return { ...upload, path: dataPath(id) };
  } catch {
    return null;
  }
}

export async function removeUpload(id: string) {
  await rm(dataPath(id), { force: true });
  await rm(metaPath(id), { force: true });
}

async function removeStaleUploads() {
  const names = await readdir(UPLOAD_DIR).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(UPLOAD_DIR, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_AFTER_MS) await rm(file, { force: true });
  }
}
