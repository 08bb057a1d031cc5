import type pg from "pg";
import { parseStoredMessages } from "./stored-messages";
import type { RawMessage } from "./types";

/**
 * Brings transcripts stored before the parser kept untagged text in the answer
 * up to date: each row's raw messages are parsed again and its turns,
 * final_output and format_issues rewritten where they differ (the search
 * vector follows through the update trigger). A row whose scratchpad_text
 * would change is left as it is and counted: span offsets address that text,
 * so it never moves under an annotation. Keyset batches, one transaction each.
 */
export interface ReparseOutcome {
  read: number;
  updated: number;
  /** Rows left as they are because their scratchpad_text would change. */
  keptScratchpad: number;
}

const BATCH = 500;

export async function reparseStoredTranscripts(
  client: pg.ClientBase,
  onBatch?: (outcome: ReparseOutcome) => void,
): Promise<ReparseOutcome> {
  const outcome: ReparseOutcome = { read: 0, updated: 0, keptScratchpad: 0 };
  let after = 0;
  for (;;) {
    const { rows } = await client.query<{
      id: number;
      raw_messages: RawMessage[];
      scratchpad_text: string;
      final_output: string | null;
      format_issues: string[];
      turns: string;
    }>(
      `SELECT id, raw_messages, scratchpad_text, final_output, format_issues, turns::text AS turns
         FROM transcripts WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (!rows.length) return outcome;
    after = rows[rows.length - 1].id;
    const changed: { id: number; turns: string; finalOutput: string | null; issues: string[] }[] = [];
    for (const row of rows) {
      outcome.read++;
      const parsed = parseStoredMessages(row.raw_messages);
      const turns = JSON.stringify(parsed.turns);
      if (parsed.scratchpads.join("\n\n") !== row.scratchpad_text) {
        outcome.keptScratchpad++;
        continue;
      }
      const sameIssues =
        parsed.formatIssues.length === row.format_issues.length && parsed.formatIssues.every((i, k) => i === row.format_issues[k]);
      if (parsed.finalOutput === row.final_output && sameIssues && turns === row.turns) continue;
      changed.push({ id: row.id, turns, finalOutput: parsed.finalOutput, issues: parsed.formatIssues });
    }
    if (changed.length) {
      await client.query(
        `UPDATE transcripts t SET turns = c.turns::json, final_output = c.final_output,
                format_issues = ARRAY(SELECT json_array_elements_text(c.issues::json))
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS c(id, turns, final_output, issues) WHERE t.id = c.id`,
        [
          changed.map((c) => c.id),
          changed.map((c) => c.turns),
          changed.map((c) => c.finalOutput),
          changed.map((c) => JSON.stringify(c.issues)),
        ],
      );
      outcome.updated += changed.length;
    }
    onBatch?.(outcome);
  }
}
