import "server-only";
import type { ImportRequest } from "@/lib/imports/run-import";
import { startImportInBackground } from "@/lib/imports/web/background";
import { getImport, getImportContents, getImportErrors, getImportProgress, listImports } from "@/lib/imports/web/queries";
import { notFound } from "@/lib/server/errors";
import { viewerWithRole } from "./viewer";

/**
 * Imports: leads only. The history and each import's page show what a file
 * put in (counts per variation and condition, its source labels, its errors
 * with their lines): the data's own content, not anyone's labels.
 */

/**
 * Starts an import in the background, recorded as run by the viewer
 * (`web:<email>` from the import page, `api:<email>` through the API), and
 * answers with its id as soon as its record exists.
 */
export async function startImport(request: Omit<ImportRequest, "createdBy">, uploadId: string, via: "web" | "api"): Promise<number> {
  const viewer = await viewerWithRole("lead");
  return startImportInBackground({ ...request, createdBy: `${via}:${viewer.email}` }, uploadId);
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
