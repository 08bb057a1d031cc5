-- Chart pages within their target at 100,000 annotations (issue 17): every chart page lists
-- the annotators whose labels it can chart, with how many transcripts each labelled, and the
-- label-rates page each annotator's submitted annotations. Both read every annotation (a
-- sequential scan and a sort: 58-77 ms on the pages' first wave). These partial indexes hold
-- one entry per counted annotation, so each count is an index-only scan (11 ms). The queries
-- spell the predicates as literals, as here (lib/analytics/queries.ts, load-label-rates.ts);
-- 'compliance' is HUMAN_RULE.complianceKey (lib/analytics/label-sources.ts).
CREATE INDEX "x_annotations_submitted_by" ON "annotations" ("annotator_id") WHERE "submitted_at" IS NOT NULL;
CREATE INDEX "x_annotations_compliance_by" ON "annotations" ("annotator_id")
  WHERE "submitted_at" IS NOT NULL AND jsonb_typeof("values" -> 'compliance') = 'number';
