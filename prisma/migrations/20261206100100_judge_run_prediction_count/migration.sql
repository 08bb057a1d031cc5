-- Chart pages within their target at 1,000,000 predictions (issue 17): every chart page lists
-- the judge runs it can chart with their number of predictions, and counting them read the
-- run's whole index range (105 ms for a run of 1,000,000). The count is kept here instead, by
-- statement triggers on judge_predictions, so every path that writes or deletes predictions
-- (a judge run, an imported judge, a transcript deleted with its predictions, TRUNCATE) keeps
-- it; lib/judges/prediction-count.db.test.ts holds it equal to count(*).

ALTER TABLE "judge_runs" ADD COLUMN "prediction_count" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION "judge_runs_count_predictions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE judge_runs r SET prediction_count = r.prediction_count + d.n
      FROM (SELECT run_id, count(*)::int AS n FROM new_predictions GROUP BY run_id) d WHERE r.id = d.run_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE judge_runs r SET prediction_count = r.prediction_count - d.n
      FROM (SELECT run_id, count(*)::int AS n FROM old_predictions GROUP BY run_id) d WHERE r.id = d.run_id;
  ELSE
    UPDATE judge_runs SET prediction_count = 0 WHERE prediction_count <> 0;
  END IF;
  RETURN NULL;
END $$;

-- An INSERT ... ON CONFLICT DO NOTHING passes only the rows it inserted; no path moves a
-- prediction to another run, so updates leave the count alone.
CREATE TRIGGER "judge_predictions_counted_insert" AFTER INSERT ON "judge_predictions"
  REFERENCING NEW TABLE AS new_predictions FOR EACH STATEMENT EXECUTE FUNCTION judge_runs_count_predictions();
CREATE TRIGGER "judge_predictions_counted_delete" AFTER DELETE ON "judge_predictions"
  REFERENCING OLD TABLE AS old_predictions FOR EACH STATEMENT EXECUTE FUNCTION judge_runs_count_predictions();
CREATE TRIGGER "judge_predictions_counted_truncate" AFTER TRUNCATE ON "judge_predictions"
  FOR EACH STATEMENT EXECUTE FUNCTION judge_runs_count_predictions();

UPDATE "judge_runs" r SET "prediction_count" = (SELECT count(*) FROM judge_predictions p WHERE p.run_id = r.id);
