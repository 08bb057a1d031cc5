-- CreateEnum
CREATE TYPE "Condition" AS ENUM ('training', 'deployment');

-- CreateTable
CREATE TABLE "datasets" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "source" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt_variations" (
    "id" SERIAL NOT NULL,
    "setting_id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "system_prompt" TEXT,
    "is_baseline" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "prompt_variations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "models" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queries" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "text_hash" TEXT NOT NULL,

    CONSTRAINT "queries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairs" (
    "id" SERIAL NOT NULL,
    "variation_id" INTEGER NOT NULL,
    "model_id" INTEGER NOT NULL,
    "query_id" INTEGER NOT NULL,
    "sample_index" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "pairs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transcripts" (
    "id" SERIAL NOT NULL,
    "pair_id" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "condition" "Condition" NOT NULL,
    "raw_messages" JSONB NOT NULL,
    "turns" JSONB NOT NULL,
    "scratchpad_text" TEXT NOT NULL DEFAULT '',
    "final_output" TEXT,
    "format_issues" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transcripts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "datasets_name_key" ON "datasets"("name");

-- CreateIndex
CREATE UNIQUE INDEX "settings_slug_key" ON "settings"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_variations_setting_id_slug_key" ON "prompt_variations"("setting_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "models_name_key" ON "models"("name");

-- CreateIndex
CREATE UNIQUE INDEX "queries_text_hash_key" ON "queries"("text_hash");

-- CreateIndex
CREATE INDEX "pairs_query_id_idx" ON "pairs"("query_id");

-- CreateIndex
CREATE UNIQUE INDEX "pairs_variation_id_model_id_query_id_sample_index_key" ON "pairs"("variation_id", "model_id", "query_id", "sample_index");

-- CreateIndex
CREATE UNIQUE INDEX "transcripts_content_hash_key" ON "transcripts"("content_hash");

-- CreateIndex
CREATE INDEX "transcripts_dataset_id_idx" ON "transcripts"("dataset_id");

-- CreateIndex
CREATE INDEX "transcripts_condition_idx" ON "transcripts"("condition");

-- CreateIndex
CREATE UNIQUE INDEX "transcripts_pair_id_condition_key" ON "transcripts"("pair_id", "condition");

-- AddForeignKey
ALTER TABLE "prompt_variations" ADD CONSTRAINT "prompt_variations_setting_id_fkey" FOREIGN KEY ("setting_id") REFERENCES "settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_variation_id_fkey" FOREIGN KEY ("variation_id") REFERENCES "prompt_variations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_query_id_fkey" FOREIGN KEY ("query_id") REFERENCES "queries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "pairs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
