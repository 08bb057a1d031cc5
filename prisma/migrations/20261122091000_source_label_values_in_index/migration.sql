-- The transcripts table's label filter asks, per candidate transcript, whether
-- (transcript, source, name) has a given value. With the value in the unique
-- index that is an index-only probe; without it, every probe also read a heap
-- page of source_labels (the counts of a label filter probe thousands of rows).
-- Same key columns, so ON CONFLICT (transcript_id, source, name) and the
-- Prisma schema are unchanged.
CREATE UNIQUE INDEX "source_labels_transcript_id_source_name_value" ON "source_labels" ("transcript_id", "source", "name") INCLUDE ("value");
DROP INDEX "source_labels_transcript_id_source_name_key";
ALTER INDEX "source_labels_transcript_id_source_name_value" RENAME TO "source_labels_transcript_id_source_name_key";
