-- A transcript remembers the id its source gave it and the line it was read
-- from, so that two records with the same id and different content are
-- reported with both lines, within one file and across imports of a dataset.
ALTER TABLE "transcripts" ADD COLUMN "source_id" TEXT, ADD COLUMN "source_line" INTEGER;
-- Only rows with an id are looked up, always within one dataset.
CREATE INDEX "x_transcripts_source_id" ON "transcripts" ("dataset_id", "source_id") WHERE "source_id" IS NOT NULL;

-- import_errors also keeps warnings: a record that went in, with something the user must know.
ALTER TABLE "import_errors" ADD COLUMN "severity" TEXT NOT NULL DEFAULT 'error';
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_severity_check" CHECK ("severity" IN ('error', 'warning'));
ALTER TABLE "imports" ADD COLUMN "warnings" INTEGER NOT NULL DEFAULT 0;
