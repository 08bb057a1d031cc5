import type { ExportJobView } from "./jobs";

/** An export job as the API and the export page show it: progress, and download URLs once it succeeded. */
export function exportJobDocument(
  job: Pick<ExportJobView, "id" | "status" | "done" | "total" | "files" | "message" | "request"> & Partial<ExportJobView>,
) {
  return {
    id: job.id,
    status: job.status,
    request: job.request,
    progress: { done: job.done, total: job.total },
    created_at: job.createdAt ?? null,
    finished_at: job.finishedAt ?? null,
    message: job.message,
    status_url: `/api/v1/exports/${job.id}`,
    files: job.files.map((file) => ({ ...file, url: `/api/v1/exports/${job.id}/files/${file.name}` })),
  };
}
