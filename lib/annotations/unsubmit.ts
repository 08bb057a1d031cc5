import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { SNAPSHOT_OF_PREVIOUS } from "./save-sql";

/**
 * Takes a submit back: the annotation becomes a draft again, nothing else
 * changes, and the audit log gets its own row for it (before: submitted,
 * after: not; the audit list shows it as "Back to draft"). One statement, so
 * the change and its audit row cannot part. Only a submit younger than
 * `withinMinutes` is taken back: an undo is for "I pressed Enter too soon",
 * not for rewriting a label the team may already have counted.
 */
const UNSUBMIT_SQL = `
WITH prev AS (
  SELECT a.id, ${SNAPSHOT_OF_PREVIOUS} AS snapshot
  FROM annotations a
  WHERE a.transcript_id = $1::int AND a.annotator_id = $2::text AND a.submitted_at IS NOT NULL
    AND a.submitted_at > now() - make_interval(mins => $3::int)
  FOR UPDATE
), updated AS (
  UPDATE annotations a SET submitted_at = NULL, version = a.version + 1, updated_at = now()
  FROM prev WHERE a.id = prev.id
  RETURNING a.id, a.version
), audit AS (
  INSERT INTO annotation_audit (annotation_id, transcript_id, actor_id, action, before, after)
  SELECT updated.id, $1::int, $2::text, 'update'::"AuditAction", prev.snapshot, prev.snapshot || jsonb_build_object('submitted', false)
  FROM updated JOIN prev ON prev.id = updated.id
)
SELECT version FROM updated`;

export const UNDO_WINDOW_MINUTES = 15;

/** True when a submit was taken back; false when there was none (or it is too old). */
export async function unsubmitAnnotation(transcriptId: number, annotatorId: string, withinMinutes = UNDO_WINDOW_MINUTES): Promise<boolean> {
  const { rows } = await pgPool().query<{ version: number }>(UNSUBMIT_SQL, [transcriptId, annotatorId, withinMinutes]);
  return rows.length > 0;
}
