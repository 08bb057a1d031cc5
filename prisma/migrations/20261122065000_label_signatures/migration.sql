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

-- Backfill: the signatures of every variation already stored (the same statement as
-- lib/analytics/label-signatures.ts, over all variations).
WITH sides AS (
  SELECT t.pair_id, t.variation_id, t.model_id, t.dataset_id, t.condition, sl.source,
         array_agg(sl.name ORDER BY sl.name) AS present,
         coalesce(array_agg(sl.name ORDER BY sl.name) FILTER (WHERE sl.value = 'true'), '{}') AS true_names
  FROM transcripts t JOIN source_labels sl ON sl.transcript_id = t.id
  GROUP BY t.pair_id, t.variation_id, t.model_id, t.dataset_id, t.condition, sl.source
), pairs AS (
  SELECT variation_id, model_id, source,
         max(dataset_id) FILTER (WHERE condition = 'training') AS training_dataset_id,
         max(dataset_id) FILTER (WHERE condition = 'deployment') AS deployment_dataset_id,
         coalesce(max(present) FILTER (WHERE condition = 'training'), '{}') AS training_present,
         coalesce(max(true_names) FILTER (WHERE condition = 'training'), '{}') AS training_true,
         coalesce(max(present) FILTER (WHERE condition = 'deployment'), '{}') AS deployment_present,
         coalesce(max(true_names) FILTER (WHERE condition = 'deployment'), '{}') AS deployment_true
  FROM sides GROUP BY pair_id, variation_id, model_id, source
)
INSERT INTO label_signatures (variation_id, model_id, source, training_dataset_id, deployment_dataset_id,
                              training_present, training_true, deployment_present, deployment_true, pairs)
SELECT variation_id, model_id, source, training_dataset_id, deployment_dataset_id,
       training_present, training_true, deployment_present, deployment_true, count(*)::int
FROM pairs
GROUP BY variation_id, model_id, source, training_dataset_id, deployment_dataset_id,
         training_present, training_true, deployment_present, deployment_true;
