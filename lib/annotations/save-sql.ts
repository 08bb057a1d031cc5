import { sortSpans, type LabelValues, type SpanInput } from "./values";

/**
 * The save and the delete of an annotation, each ONE SQL statement (one round
 * trip, atomic), built here so that the app (through Prisma) and the
 * benchmark's baseline (through pg) run the very same SQL.
 *
 * Save = compare-and-set on `version`: a new annotation is inserted only when
 * the client read none (expectedVersion 0) and there still is none; an
 * existing one is updated only when its version is still the one the client
 * read. Then, only if a row was written: its spans are replaced and an audit
 * row records the snapshot before and after. If nothing matched, nothing is
 * written and `current_version` tells the client what it missed.
 *
 * Why this is race-free under READ COMMITTED: two concurrent updates of one row
 * serialise on its row lock, and the second re-checks `version = expected`
 * against the committed row, which the first incremented, so it writes
 * nothing. Two concurrent creates collide on the (transcript, annotator)
 * unique index: the loser gets error 23505, reported as a conflict too.
 */
export interface SaveParams {
  transcriptId: number;
  annotatorId: string;
  expectedVersion: number;
  schemaVersion: number;
  values: LabelValues;
  note: string;
  spans: SpanInput[];
  submit: boolean;
}

export interface SaveRow {
  id: number | null;
  version: number | null;
  submitted_at: Date | null;
  current_version: number | null;
}

export const SNAPSHOT_OF_PREVIOUS = `jsonb_build_object(
      'schemaVersion', a.schema_version, 'values', a."values", 'note', a.note, 'submitted', a.submitted_at IS NOT NULL,
      'spans', COALESCE((SELECT jsonb_agg(jsonb_build_object('labelKey', s.label_key, 'start', s.start, 'end', s."end", 'text', s.text)
                                          ORDER BY s.start, s."end", s.label_key COLLATE "C")
                         FROM annotation_spans s WHERE s.annotation_id = a.id), '[]'::jsonb))`;

export const SAVE_SQL = `
WITH prev AS (
  SELECT a.id, a.version, ${SNAPSHOT_OF_PREVIOUS} AS snapshot
  FROM annotations a WHERE a.transcript_id = $1::int AND a.annotator_id = $2::text
), created AS (
  INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", note, submitted_at)
  SELECT $1::int, $2::text, $4::int, $5::jsonb, $6::text, CASE WHEN $7::boolean THEN now() END
  WHERE $3::int = 0 AND NOT EXISTS (SELECT 1 FROM prev)
  RETURNING id, version, submitted_at
), updated AS (
  UPDATE annotations a
  SET schema_version = $4::int, "values" = $5::jsonb, note = $6::text, version = a.version + 1, updated_at = now(),
      submitted_at = CASE WHEN $7::boolean THEN COALESCE(a.submitted_at, now()) ELSE a.submitted_at END
  FROM prev WHERE a.id = prev.id AND prev.version = $3::int AND a.version = $3::int
  RETURNING a.id, a.version, a.submitted_at
), saved AS (
  SELECT id, version, submitted_at, TRUE AS is_new FROM created
  UNION ALL SELECT id, version, submitted_at, FALSE FROM updated
), removed_spans AS (
  DELETE FROM annotation_spans s USING updated WHERE s.annotation_id = updated.id
), added_spans AS (
  INSERT INTO annotation_spans (annotation_id, label_key, start, "end", text)
  SELECT saved.id, n.label_key, n.start, n."end", n.text
  FROM saved CROSS JOIN jsonb_to_recordset($8::jsonb) AS n(label_key text, start int, "end" int, text text)
), audit AS (
  INSERT INTO annotation_audit (annotation_id, transcript_id, actor_id, action, before, after)
  SELECT saved.id, $1::int, $2::text, (CASE WHEN saved.is_new THEN 'create' ELSE 'update' END)::"AuditAction",
         (SELECT snapshot FROM prev),
         jsonb_build_object('schemaVersion', $4::int, 'values', $5::jsonb, 'note', $6::text,
                            'submitted', saved.submitted_at IS NOT NULL, 'spans', $9::jsonb)
  FROM saved
)
SELECT (SELECT id FROM saved) AS id, (SELECT version FROM saved) AS version,
       (SELECT submitted_at FROM saved) AS submitted_at, (SELECT version FROM prev) AS current_version`;

/** Names for sending them as prepared statements (pg parses and plans each once per connection). */
export const SAVE_STATEMENT = "af_save_annotation";
export const DELETE_STATEMENT = "af_delete_annotation";

/** Positional parameters of SAVE_SQL. */
export function saveParameters(params: SaveParams): unknown[] {
  const spans = sortSpans(params.spans).map(({ labelKey, start, end, text }) => ({ labelKey, start, end, text }));
  const forInsert = spans.map(({ labelKey, start, end, text }) => ({ label_key: labelKey, start, end, text }));
  return [
    params.transcriptId,
    params.annotatorId,
    params.expectedVersion,
    params.schemaVersion,
    JSON.stringify(params.values),
    params.note,
    params.submit,
    JSON.stringify(forInsert),
    JSON.stringify(spans),
  ];
}

export interface DeleteRow {
  id: number | null;
  current_version: number | null;
}

/** Delete = the same compare-and-set; spans go by cascade; the audit keeps the last snapshot. */
export const DELETE_SQL = `
WITH prev AS (
  SELECT a.id, a.version, ${SNAPSHOT_OF_PREVIOUS} AS snapshot
  FROM annotations a WHERE a.transcript_id = $1::int AND a.annotator_id = $2::text
), removed AS (
  DELETE FROM annotations a USING prev WHERE a.id = prev.id AND prev.version = $3::int AND a.version = $3::int
  RETURNING a.id
), audit AS (
  INSERT INTO annotation_audit (annotation_id, transcript_id, actor_id, action, before, after)
  SELECT removed.id, $1::int, $2::text, 'delete'::"AuditAction", (SELECT snapshot FROM prev), NULL FROM removed
)
SELECT (SELECT id FROM removed) AS id, (SELECT version FROM prev) AS current_version`;
