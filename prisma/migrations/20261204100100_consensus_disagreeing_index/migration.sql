-- The adjudication list (lib/team/adjudication.ts listDisagreements) walks the
-- disagreeing rows of transcript_consensus (top_votes < annotators) in transcript
-- order and stops at its limit. Through the primary key it read every row, agreeing
-- ones included, and its second walk (decided transcripts, run when fewer than the
-- limit wait) read them all; this index holds the disagreeing rows only, with what
-- the walk reads, so the walk's cost follows the disagreements, not the corpus.
CREATE INDEX "x_transcript_consensus_disagreeing" ON "transcript_consensus" ("transcript_id")
  INCLUDE ("label_key", "method", "annotators") WHERE "top_votes" < "annotators";
