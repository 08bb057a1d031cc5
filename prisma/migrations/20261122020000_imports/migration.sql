-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('running', 'succeeded', 'failed', 'interrupted');

-- AlterTable
ALTER TABLE "transcripts" ADD COLUMN     "import_id" INTEGER;

-- CreateTable
CREATE TABLE "imports" (
    "id" SERIAL NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'running',
    "file_name" TEXT NOT NULL,
    "file_size" BIGINT NOT NULL,
    "file_hash" TEXT,
    "format" TEXT NOT NULL,
    "mapping" JSONB,
    "strict" BOOLEAN NOT NULL DEFAULT false,
    "options" JSONB NOT NULL,
    "dataset_id" INTEGER,
    "created_by" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "notices" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_errors" (
    "id" SERIAL NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER,
    "field" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "import_errors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transcripts_import_id_idx" ON "transcripts"("import_id");

-- CreateIndex
CREATE INDEX "imports_started_at_idx" ON "imports"("started_at");

-- CreateIndex
CREATE INDEX "import_errors_import_id_line_idx" ON "import_errors"("import_id", "line");

-- AddForeignKey
ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
