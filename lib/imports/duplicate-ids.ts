import type pg from "pg";
import type { RecordError } from "./normalize";

/** Warnings beyond this many are counted, not listed (lib/imports/record.ts keeps errors the same way). */
const MAX_LISTED = 10_000;

/**
 * Records whose source id another transcript of the same dataset already has,
 * with different content (the same content is a duplicate, never stored
 * twice): within this import, the later line is warned about, naming the
 * earlier; across imports, every line of this one. Both transcripts are kept,
 * as they are different data; the user decides. Read after the import's rows
 * are written, in its transaction (index x_transcripts_source_id).
 */
export async function findDuplicateIds(client: pg.ClientBase, importId: number, datasetId: number): Promise<RecordError[]> {
  const { rows } = await client.query<{ source_id: string; line: number | null; other_line: number | null; other_import: number | null }>(
    `SELECT m.source_id, m.source_line AS line, o.source_line AS other_line, o.import_id AS other_import
       FROM transcripts m
       CROSS JOIN LATERAL (
         SELECT o.source_line, o.import_id FROM transcripts o
          WHERE o.dataset_id = $2 AND o.source_id = m.source_id AND o.id <> m.id
            AND (o.import_id IS DISTINCT FROM $1 OR o.source_line < m.source_line OR (o.source_line = m.source_line AND o.id < m.id))
          ORDER BY o.import_id = $1 DESC, o.source_line LIMIT 1) o
      WHERE m.import_id = $1 AND m.dataset_id = $2 AND m.source_id IS NOT NULL
      ORDER BY m.source_line LIMIT ${MAX_LISTED}`,
    [importId, datasetId],
  );
  return rows.map((row) => ({
    line: row.line ?? 0,
    field: "id",
    message:
      row.other_import === importId
        ? `id "${row.source_id}" is also on line ${row.other_line} of this file, with different content; both were imported`
        : `id "${row.source_id}" is already in this dataset (line ${row.other_line ?? "?"} of import #${row.other_import ?? "?"}), with different content; both are kept`,
  }));
}
