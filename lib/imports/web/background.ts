import "server-only";
import { runImport, type ImportRequest } from "../run-import";
import { removeUpload } from "./uploads";

/**
 * Runs an import in this server process without holding up the request that
 * started it; resolves with the import's id as soon as its record exists, so
 * the page can follow its progress. The upload is removed when it is done.
 */
export function startImportInBackground(request: ImportRequest, uploadId: string): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return Promise.reject(new Error("DATABASE_URL is not set"));
  return new Promise((resolve, reject) => {
    let started = false;
    runImport(databaseUrl, request, {
      onStart: (importId) => {
        started = true;
        resolve(importId);
      },
    })
      .then((summary) => {
        if (!started) resolve(summary.importId);
      })
      .catch((error: unknown) => {
        console.error("Import could not run:", error);
        if (!started) reject(error);
      })
      .finally(() => removeUpload(uploadId).catch(() => {}));
  });
}
