-- AlterTable
ALTER TABLE "prompt_variations" ADD COLUMN "reference_no" INTEGER;

-- CreateTable
CREATE TABLE "reference_series" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_values" (
    "id" SERIAL NOT NULL,
    "series_id" INTEGER NOT NULL,
    "setting" TEXT NOT NULL,
    "variation_no" INTEGER,
    "variation" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "af_reasoning_pct" DOUBLE PRECISION,
    "af_reasoning_se" DOUBLE PRECISION,
    "noncompliance_training_pct" DOUBLE PRECISION,
    "noncompliance_training_se" DOUBLE PRECISION,
    "noncompliance_unmonitored_pct" DOUBLE PRECISION,
    "noncompliance_unmonitored_se" DOUBLE PRECISION,
    "compliance_gap_pct" DOUBLE PRECISION,
    "compliance_gap_se" DOUBLE PRECISION,

    CONSTRAINT "reference_values_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reference_series_name_key" ON "reference_series"("name");

-- CreateIndex
CREATE INDEX "reference_values_series_id_setting_idx" ON "reference_values"("series_id", "setting");

-- AddForeignKey
ALTER TABLE "reference_values" ADD CONSTRAINT "reference_values_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "reference_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
