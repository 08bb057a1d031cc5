-- Filter columns copied from the transcript's pair, so list filters need no join.
ALTER TABLE "transcripts" ADD COLUMN "setting_id" INTEGER;
ALTER TABLE "transcripts" ADD COLUMN "variation_id" INTEGER;
ALTER TABLE "transcripts" ADD COLUMN "model_id" INTEGER;
ALTER TABLE "transcripts" ADD COLUMN "query_id" INTEGER;

UPDATE "transcripts" t
SET "setting_id" = v."setting_id", "variation_id" = p."variation_id", "model_id" = p."model_id", "query_id" = p."query_id"
FROM "pairs" p JOIN "prompt_variations" v ON v."id" = p."variation_id"
WHERE p."id" = t."pair_id";

ALTER TABLE "transcripts" ALTER COLUMN "setting_id" SET NOT NULL;
ALTER TABLE "transcripts" ALTER COLUMN "variation_id" SET NOT NULL;
ALTER TABLE "transcripts" ALTER COLUMN "model_id" SET NOT NULL;
ALTER TABLE "transcripts" ALTER COLUMN "query_id" SET NOT NULL;

-- CreateTable
CREATE TABLE "source_labels" (
    "id" SERIAL NOT NULL,
    "transcript_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_labels_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_labels_source_name_value_idx" ON "source_labels"("source", "name", "value");

-- CreateIndex
CREATE UNIQUE INDEX "source_labels_transcript_id_source_name_key" ON "source_labels"("transcript_id", "source", "name");

-- AddForeignKey
ALTER TABLE "source_labels" ADD CONSTRAINT "source_labels_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
