-- Per variation: pairs grouped by what their source labels say (which labels each side
-- has, which are "true"). The charts sum these few rows instead of joining every
-- transcript with its labels; lib/analytics/label-signatures.ts rebuilds the rows of
-- the variations an import or the demo seed touched, in the same transaction.
CREATE TABLE "label_signatures" (
    "id" SERIAL NOT NULL,
    "variation_id" INTEGER NOT NULL,
    "model_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "training_dataset_id" INTEGER,
    "deployment_dataset_id" INTEGER,
    "training_present" TEXT[],
    "training_true" TEXT[],
    "deployment_present" TEXT[],
    "deployment_true" TEXT[],
    "pairs" INTEGER NOT NULL,

    CONSTRAINT "label_signatures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "label_signatures_source_variation_id_idx" ON "label_signatures"("source", "variation_id");

-- CreateIndex
CREATE INDEX "label_signatures_variation_id_idx" ON "label_signatures"("variation_id");

-- AddForeignKey
ALTER TABLE "label_signatures" ADD CONSTRAINT "label_signatures_variation_id_fkey" FOREIGN KEY ("variation_id") REFERENCES "prompt_variations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
