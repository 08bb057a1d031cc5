-- Background work on a job queue, files in storage (issue 19).
-- The queue itself is graphile-worker's: its schema `graphile_worker` is created and
-- migrated by graphile-worker (lib/jobs/install.ts), never by these files. The tables
-- below are the app's record of each job: what was asked, progress, outcome.

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'queued';
ALTER TYPE "ImportStatus" ADD VALUE 'cancelled';

-- CreateTable
CREATE TABLE "jobs" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "payload" JSONB NOT NULL,
    "result" JSONB,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "run_id" TEXT,
    "worker_id" TEXT,
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER,
    "progress_note" TEXT,
    "progress_at" TIMESTAMPTZ(3),
    "cancel_requested_at" TIMESTAMPTZ(3),
    "message" TEXT,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_workers" (
    "id" TEXT NOT NULL,
    "lock_key" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "concurrency" JSONB NOT NULL,
    "pools" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_workers_pkey" PRIMARY KEY ("id")
);
CREATE SEQUENCE "job_workers_lock_key_seq" AS INTEGER;

-- CreateTable
CREATE TABLE "uploads" (
    "id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "uploads_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "imports" ADD COLUMN "job_id" INTEGER;
ALTER TABLE "export_jobs" ADD COLUMN "job_id" INTEGER, ADD COLUMN "storage_prefix" TEXT;

-- Existing exports become finished jobs (their lifecycle moves to `jobs`). One that was
-- still queued or running lost its process with the upgrade: it is recorded as failed.
INSERT INTO "jobs" ("kind", "status", "payload", "created_by_id", "created_at", "started_at", "finished_at",
                    "attempts", "max_attempts", "progress_done", "progress_total", "message")
SELECT 'export',
       CASE WHEN e."status" IN ('queued', 'running') THEN 'failed'::"JobStatus" ELSE e."status"::text::"JobStatus" END,
       jsonb_build_object('exportId', e."id"), e."created_by_id", e."created_at", e."started_at",
       coalesce(e."finished_at", CASE WHEN e."status" IN ('queued', 'running') THEN CURRENT_TIMESTAMP END),
       1, 1, e."done", e."total",
       CASE WHEN e."status" IN ('queued', 'running') THEN 'The export stopped when the app moved to the job queue; start it again.' ELSE e."message" END
FROM "export_jobs" e ORDER BY e."id";
UPDATE "export_jobs" e SET "job_id" = j."id" FROM "jobs" j WHERE j."kind" = 'export' AND (j."payload"->>'exportId')::int = e."id";
ALTER TABLE "export_jobs" ALTER COLUMN "job_id" SET NOT NULL;
ALTER TABLE "export_jobs" DROP COLUMN "status", DROP COLUMN "started_at", DROP COLUMN "finished_at", DROP COLUMN "heartbeat_at",
    DROP COLUMN "total", DROP COLUMN "done", DROP COLUMN "message";

-- DropEnum
DROP TYPE "ExportStatus";

-- CreateIndex
CREATE INDEX "jobs_status_kind_idx" ON "jobs"("status", "kind");
CREATE INDEX "jobs_kind_created_at_idx" ON "jobs"("kind", "created_at");
CREATE INDEX "jobs_worker_id_idx" ON "jobs"("worker_id");
CREATE UNIQUE INDEX "job_workers_lock_key_key" ON "job_workers"("lock_key");
CREATE INDEX "uploads_created_at_idx" ON "uploads"("created_at");
CREATE UNIQUE INDEX "imports_job_id_key" ON "imports"("job_id");
CREATE UNIQUE INDEX "export_jobs_job_id_key" ON "export_jobs"("job_id");

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "imports" ADD CONSTRAINT "imports_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
