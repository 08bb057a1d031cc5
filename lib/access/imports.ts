import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { previewFile, type Preview, type PreviewOptions } from "@/lib/imports/preview";
import { planRegistry, type PlanEntry } from "@/lib/imports/registry-plan";
import { listMappings, saveMapping } from "@/lib/imports/stored-mappings";
import { readImportBody } from "@/lib/imports/web/api-upload";
import { enqueueImport, type ImportOptions } from "@/lib/imports/web/enqueue";
import { withUploadHead } from "@/lib/imports/web/upload-files";
import type { Upload } from "@/lib/imports/web/upload-schema";
import { cleanFileName, discardUpload, findUpload, saveUpload } from "@/lib/imports/web/uploads";
import { storage } from "@/lib/storage";
import { getImport, getImportContents, getImportErrors, getImportProgress, listImports } from "@/lib/imports/web/queries";
import { invalid, notFound } from "@/lib/server/errors";
import { viewerWithRole } from "./viewer";

/**
 * Imports: leads only. The history and each import's page show what a file
 * put in (counts per variation and condition, its source labels, its errors
 * with their lines): the data's own content, not anyone's labels.
 */

/**
 * A file for import, streamed into storage (lib/imports/web/uploads.ts) and
 * recorded as the viewer's upload. `rawName` as the client sent it.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array>, rawName: string | null): Promise<Upload> {
  const viewer = await viewerWithRole("lead");
  return saveUpload(body, cleanFileName(rawName), viewer.id);
}

/**
 * The body of POST /api/v1/imports (the file's bytes, or multipart with a
 * `file` and a `mapping` part), streamed into storage as the viewer's upload.
 */
export async function receiveImportBody(request: Request, rawName: string | null): Promise<{ upload: Upload; mappingText?: string }> {
  const viewer = await viewerWithRole("lead");
  return readImportBody(request, cleanFileName(rawName), viewer.id);
}

/** `work` on a received upload; if it throws, the upload is removed (no import will read it) and the error goes on. */
export async function discardOnFailure<T>(upload: Upload, work: () => Promise<T>): Promise<T> {
  await viewerWithRole("lead");
  try {
    return await work();
  } catch (error) {
    await discardUpload(upload.id);
    throw error;
  }
}

const GONE = "The uploaded file is no longer on the server (it was imported already, or removed after a day). Upload it again.";
/** The preview reads the first records: with object storage, only the file's start is fetched (all of a zip). */
const PREVIEW_BYTES = 16 * 1024 * 1024;

/** An upload waiting for its import, or the message that it is gone. */
export async function waitingUpload(id: string): Promise<Upload> {
  await viewerWithRole("lead");
  const found = await findUpload(id);
  if (!found) throw invalid(GONE);
  return found;
}

/**
 * The first records of an upload as they will be stored, and the registry
 * plan: which settings, variations, models and dataset the file creates or
 * joins, with how many transcripts those hold (counts name no item or label).
 */
export async function previewUpload(
  id: string,
  options: PreviewOptions & { dataset?: string },
): Promise<{ preview: Preview; plan: PlanEntry[] }> {
  const upload = await waitingUpload(id);
  const preview = await withUploadHead(storage(), upload.id, (filePath) => previewFile(filePath, upload.fileName, options), PREVIEW_BYTES);
  if (!preview) throw invalid(GONE);
  const { settings, variations, models } = preview.names;
  const dataset = options.dataset || upload.fileName.replace(/\.[^.]+$/, "");
  const plan = await planRegistry(
    { settings: new Set(settings), variations: new Set(variations.map(([s, v]) => `${s}\u0000${v}`)), models: new Set(models) },
    dataset,
  );
  return { preview, plan };
}

/** Saves a mapping under a name, as the viewer's, for the next file of its shape (and the API's ?mapping=NAME). */
export async function saveImportMapping(name: string, mapping: unknown) {
  const viewer = await viewerWithRole("lead");
  return saveMapping(name, mapping, viewer.id);
}

/** The saved and shipped mappings the editor can load. */
export async function importMappings() {
  await viewerWithRole("lead");
  return listMappings();
}

/**
 * Queues an uploaded file's import (a worker runs it: lib/imports/web/import-job.ts),
 * recorded as run by the viewer (`web:<email>` from the import page,
 * `api:<email>` through the API; the job records the user's id), and answers
 * with the import's id as soon as its record exists.
 */
export async function startImport(upload: Upload, options: ImportOptions, via: "web" | "api"): Promise<number> {
  const viewer = await viewerWithRole("lead");
  return enqueueImport(pgPool(), upload, options, { userId: viewer.id, createdBy: `${via}:${viewer.email}` });
}

export async function importHistory() {
  await viewerWithRole("lead");
  return listImports();
}

export async function importDetail(id: number) {
  await viewerWithRole("lead");
  const run = await getImport(id);
  if (!run) throw missingImport(id);
  const contents = run.status === "succeeded" && run.imported > 0 ? await getImportContents(run.id) : null;
  return { run, contents };
}

export async function importProgress(id: number) {
  await viewerWithRole("lead");
  const progress = await getImportProgress(id);
  if (!progress) throw missingImport(id);
  return progress;
}

export async function importErrors(id: number) {
  await viewerWithRole("lead");
  if (!(await getImportProgress(id))) throw missingImport(id);
  return getImportErrors(id);
}

const missingImport = (id: number) => notFound(`There is no import ${id}.`);
