import type { ExportJobView } from "./jobs";

/** An export job as the API and the export page show it: progress, and download URLs once it succeeded. */
export function exportJobDocument(job: ExportJobView) {
  return {
    id: job.id,
    job_id: job.jobId,
    status: job.status,
    request: job.request,
    progress: { done: job.done, total: job.total },
    attempts: { made: job.attempts, max: job.maxAttempts },
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    message: job.message,
    warnings: job.warnings,
    cancel_requested: job.cancelRequested,
    status_url: `/api/v1/exports/${job.id}`,
    cancel_url: `/api/v1/jobs/${job.jobId}/cancel`,
    files: job.files.map((file) => ({ ...file, url: `/api/v1/exports/${job.id}/files/${file.name}` })),
  };
}
