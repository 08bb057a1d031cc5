-- Judges (issue 15): LLM judges and imported classifier predictions that label transcripts.
-- The four tables below are the contract shared by both judge branches (docs/judges.md);
-- columns may be added, never renamed or removed.

CREATE TABLE "judges" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    -- Which label it answers: a label key of the label schema (lib/judges/labels.ts).
    "label_key" TEXT NOT NULL,
    "provider" TEXT,
    "model" TEXT,
    "base_url" TEXT,
    "template_key" TEXT,
    "template_version" INTEGER,
    "samples" INTEGER NOT NULL DEFAULT 1,
    "aggregation" TEXT NOT NULL DEFAULT 'majority',
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    -- Added by 15a: the name of the key (env JUDGE_KEY_<NAME> or an encrypted provider_secrets row),
    -- prices in USD per million tokens for the cost estimate, and the run limits.
    "api_key_name" TEXT,
    "price_in_per_mtok" DOUBLE PRECISION,
    "price_out_per_mtok" DOUBLE PRECISION,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "requests_per_minute" INTEGER,

    CONSTRAINT "judges_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "judges_kind_check" CHECK ("kind" IN ('llm', 'imported')),
    CONSTRAINT "judges_provider_check" CHECK ("provider" IN ('openai', 'anthropic')),
    CONSTRAINT "judges_samples_check" CHECK ("samples" >= 1),
    CONSTRAINT "judges_aggregation_check" CHECK ("aggregation" IN ('majority', 'mean', 'any')),
    CONSTRAINT "judges_concurrency_check" CHECK ("concurrency" BETWEEN 1 AND 64),
    CONSTRAINT "judges_requests_per_minute_check" CHECK ("requests_per_minute" IS NULL OR "requests_per_minute" >= 1)
);
CREATE UNIQUE INDEX "judges_name_key" ON "judges"("name");
ALTER TABLE "judges" ADD CONSTRAINT "judges_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "judge_runs" (
    "id" SERIAL NOT NULL,
    "judge_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    -- The transcripts-table filter it ran over (lib/transcripts list filter, as search params).
    "filter" JSONB NOT NULL DEFAULT '{}',
    "job_id" INTEGER,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "tokens_in" BIGINT NOT NULL DEFAULT 0,
    "tokens_out" BIGINT NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION,
    "generated" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "judge_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "judge_runs_status_check" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);
CREATE INDEX "judge_runs_judge_id_idx" ON "judge_runs"("judge_id");
ALTER TABLE "judge_runs" ADD CONSTRAINT "judge_runs_judge_id_fkey" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "judge_runs" ADD CONSTRAINT "judge_runs_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "judge_samples" (
    "run_id" INTEGER NOT NULL,
    "transcript_id" INTEGER NOT NULL,
    "sample_index" INTEGER NOT NULL,
    "raw" TEXT,
    "parsed" JSONB,
    "parse_error" TEXT,
    "latency_ms" INTEGER,
    "tokens_in" INTEGER,
    "tokens_out" INTEGER,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "judge_samples_pkey" PRIMARY KEY ("run_id", "transcript_id", "sample_index")
);
ALTER TABLE "judge_samples" ADD CONSTRAINT "judge_samples_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "judge_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "judge_samples" ADD CONSTRAINT "judge_samples_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "judge_predictions" (
    "run_id" INTEGER NOT NULL,
    "transcript_id" INTEGER NOT NULL,
    -- NULL: no readable sample.
    "verdict" BOOLEAN,
    "score" DOUBLE PRECISION,
    "reason" TEXT,
    -- [{ "quote", "start", "end", "matched" }], UTF-16 offsets into transcripts.scratchpad_text.
    "evidence" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "judge_predictions_pkey" PRIMARY KEY ("run_id", "transcript_id"),
    CONSTRAINT "judge_predictions_score_check" CHECK ("score" BETWEEN 0 AND 1)
);
CREATE INDEX "judge_predictions_transcript_id_idx" ON "judge_predictions"("transcript_id");
ALTER TABLE "judge_predictions" ADD CONSTRAINT "judge_predictions_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "judge_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "judge_predictions" ADD CONSTRAINT "judge_predictions_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Provider keys an admin stored in the browser: AES-256-GCM ciphertext (lib/judges/secrets.ts);
-- the plaintext is never sent to the browser, logged or exported.
CREATE TABLE "provider_secrets" (
    "name" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "created_by" TEXT,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "provider_secrets_pkey" PRIMARY KEY ("name")
);
ALTER TABLE "provider_secrets" ADD CONSTRAINT "provider_secrets_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
