-- Team labelling (issue 6): queues of transcripts for several annotators,
-- per-annotator claims of an item's slots, adjudications by leads, the team
-- audit log, and the ONE consensus rule (view transcript_consensus).

-- CreateEnum
CREATE TYPE "TeamAuditAction" AS ENUM ('queue_create', 'queue_update', 'annotator_add', 'annotator_remove', 'item_claim', 'adjudicate', 'adjudication_clear');

-- CreateTable
CREATE TABLE "label_queues" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "blind" BOOLEAN NOT NULL DEFAULT true,
    "annotators_per_item" INTEGER NOT NULL DEFAULT 2,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "label_queues_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "x_label_queues_annotators_per_item" CHECK ("annotators_per_item" BETWEEN 1 AND 20)
);

-- CreateTable
CREATE TABLE "label_queue_annotators" (
    "queue_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "label_queue_annotators_pkey" PRIMARY KEY ("queue_id","user_id")
);

-- CreateTable
CREATE TABLE "label_queue_items" (
    "id" SERIAL NOT NULL,
    "queue_id" INTEGER NOT NULL,
    "transcript_id" INTEGER NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "label_queue_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "x_label_queue_items_claims" CHECK ("claims" >= 0)
);

-- CreateTable
CREATE TABLE "label_queue_claims" (
    "item_id" INTEGER NOT NULL,
    "annotator_id" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "label_queue_claims_pkey" PRIMARY KEY ("item_id","annotator_id")
);

-- CreateTable
CREATE TABLE "adjudications" (
    "transcript_id" INTEGER NOT NULL,
    "label_key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "decided_by_id" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "adjudications_pkey" PRIMARY KEY ("transcript_id","label_key")
);

-- CreateTable
CREATE TABLE "team_audit" (
    "id" SERIAL NOT NULL,
    "actor_id" TEXT NOT NULL,
    "action" "TeamAuditAction" NOT NULL,
    "queue_id" INTEGER,
    "transcript_id" INTEGER,
    "subject_user_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_audit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "label_queue_annotators_user_id_idx" ON "label_queue_annotators"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "label_queue_items_queue_id_transcript_id_key" ON "label_queue_items"("queue_id", "transcript_id");

-- CreateIndex
CREATE INDEX "label_queue_items_transcript_id_idx" ON "label_queue_items"("transcript_id");

-- CreateIndex
CREATE INDEX "label_queue_claims_annotator_id_idx" ON "label_queue_claims"("annotator_id");

-- CreateIndex
CREATE INDEX "team_audit_created_at_idx" ON "team_audit"("created_at");

-- CreateIndex
CREATE INDEX "team_audit_queue_id_created_at_idx" ON "team_audit"("queue_id", "created_at");

-- CreateIndex
CREATE INDEX "team_audit_transcript_id_created_at_idx" ON "team_audit"("transcript_id", "created_at");

-- AddForeignKey
ALTER TABLE "label_queues" ADD CONSTRAINT "label_queues_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_queue_annotators" ADD CONSTRAINT "label_queue_annotators_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "label_queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_queue_annotators" ADD CONSTRAINT "label_queue_annotators_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_queue_items" ADD CONSTRAINT "label_queue_items_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "label_queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_queue_items" ADD CONSTRAINT "label_queue_items_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_queue_claims" ADD CONSTRAINT "label_queue_claims_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "label_queue_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_queue_claims" ADD CONSTRAINT "label_queue_claims_annotator_id_fkey" FOREIGN KEY ("annotator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_audit" ADD CONSTRAINT "team_audit_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The consensus rule, implemented once (lib/team/consensus.ts is the only
-- reader; see its header for the contract). One row per (transcript, label key)
-- that has a submitted human value or an adjudication:
--
--   1. adjudicated  a lead's decision (table adjudications), whatever the votes;
--   2. unanimous    two or more annotators gave a value and all agree;
--   3. majority     more than half of the annotators who gave a value agree;
--   4. single       exactly one annotator gave a value (not yet a consensus of
--                   several; `value` is set, consumers decide whether to count it);
--   5. undecided    otherwise (a tie or no majority): `value` is NULL.
--
-- Votes come from SUBMITTED annotations only (drafts never count). A label
-- left unset counts as no vote. A span label's vote is whether the annotator
-- tagged any span with it (true/false), so every submitted annotation votes
-- on every span label of its schema version.
CREATE VIEW "transcript_consensus" AS
WITH given AS (
  SELECT a.transcript_id, kv.key AS label_key, kv.value
  FROM annotations a CROSS JOIN LATERAL jsonb_each(a."values") AS kv
  WHERE a.submitted_at IS NOT NULL
  UNION ALL
  SELECT a.transcript_id, l.label->>'key',
         to_jsonb(EXISTS (SELECT 1 FROM annotation_spans s WHERE s.annotation_id = a.id AND s.label_key = l.label->>'key'))
  FROM annotations a
  JOIN label_schema_versions v ON v.version = a.schema_version
  CROSS JOIN LATERAL jsonb_array_elements(v.labels) AS l(label)
  WHERE a.submitted_at IS NOT NULL AND l.label->>'kind' = 'span'
), votes AS (
  SELECT transcript_id, label_key, value, count(*)::int AS votes
  FROM given GROUP BY transcript_id, label_key, value
), tallies AS (
  SELECT transcript_id, label_key,
         sum(votes)::int AS annotators,
         (array_agg(value ORDER BY votes DESC, value))[1] AS top_value,
         (array_agg(votes ORDER BY votes DESC))[1] AS top_votes,
         COALESCE((array_agg(votes ORDER BY votes DESC))[2], 0) AS runner_up_votes,
         jsonb_object_agg(value #>> '{}', votes) AS votes
  FROM votes GROUP BY transcript_id, label_key
), keyed AS (
  SELECT transcript_id, label_key FROM tallies
  UNION
  SELECT transcript_id, label_key FROM adjudications
)
SELECT k.transcript_id,
       k.label_key,
       CASE
         WHEN j.transcript_id IS NOT NULL THEN j.value
         WHEN t.annotators >= 1 AND t.top_votes * 2 > t.annotators THEN t.top_value
       END AS value,
       CASE
         WHEN j.transcript_id IS NOT NULL THEN 'adjudicated'
         WHEN t.annotators = 1 THEN 'single'
         WHEN t.annotators >= 2 AND t.top_votes = t.annotators THEN 'unanimous'
         WHEN t.annotators >= 2 AND t.top_votes * 2 > t.annotators THEN 'majority'
         ELSE 'undecided'
       END AS method,
       COALESCE(t.annotators, 0) AS annotators,
       COALESCE(t.top_votes, 0) AS top_votes,
       COALESCE(t.votes, '{}'::jsonb) AS votes
FROM keyed k
LEFT JOIN tallies t ON t.transcript_id = k.transcript_id AND t.label_key = k.label_key
LEFT JOIN adjudications j ON j.transcript_id = k.transcript_id AND j.label_key = k.label_key;
