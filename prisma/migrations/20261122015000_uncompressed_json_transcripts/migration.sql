-- `json` keeps the text as given (jsonb re-encodes it) and is cheaper to load;
-- nothing queries inside these documents, they are read whole.
ALTER TABLE "transcripts" ALTER COLUMN "raw_messages" SET DATA TYPE JSON USING "raw_messages"::json;
ALTER TABLE "transcripts" ALTER COLUMN "turns" SET DATA TYPE JSON USING "turns"::json;

-- Store the large text columns out of line but uncompressed: pglz compression
-- halved bulk-load speed (measured: 3.4k vs 7.6k rows/s of ~7 KB) for about
-- 1.7x the disk. Prisma cannot express storage settings; the schema test does
-- not compare them.
ALTER TABLE "transcripts" ALTER COLUMN "raw_messages" SET STORAGE EXTERNAL;
ALTER TABLE "transcripts" ALTER COLUMN "turns" SET STORAGE EXTERNAL;
ALTER TABLE "transcripts" ALTER COLUMN "scratchpad_text" SET STORAGE EXTERNAL;
ALTER TABLE "transcripts" ALTER COLUMN "final_output" SET STORAGE EXTERNAL;
