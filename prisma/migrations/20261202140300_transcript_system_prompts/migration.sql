-- A transcript keeps the system prompt its record gave, when it gave one: a
-- variation holds one prompt, and a file whose prompt differs from the one
-- stored must not lose its own (the transcript page shows the difference).
-- Prompts are long and few: stored once each, by hash.
CREATE TABLE "system_prompts" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "text_hash" TEXT NOT NULL,
    CONSTRAINT "system_prompts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "system_prompts_text_hash_key" ON "system_prompts"("text_hash");

ALTER TABLE "transcripts" ADD COLUMN "system_prompt_id" INTEGER;
ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_system_prompt_id_fkey" FOREIGN KEY ("system_prompt_id") REFERENCES "system_prompts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
