import type { JobView } from "./queue";

/** A job as the API shows it. The payload is left out: it can hold whole system prompts. */
export function jobDocument(job: JobView) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    attempts: { made: job.attempts, max: job.maxAttempts },
    progress: job.progress,
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    worker: job.workerId === null ? null : { id: job.workerId, alive: job.workerAlive },
    cancel_requested: job.cancelRequested,
    message: job.message,
    result: job.result,
    status_url: `/api/v1/jobs/${job.id}`,
    cancel_url: `/api/v1/jobs/${job.id}/cancel`,
  };
}
