import type pg from "pg";
import { z } from "zod";
import { judgeLabelKeySchema, type JudgeLabelKey } from "../labels";
import { parsePredictionFile, PredictionFileError, PREDICTION_FORMATS, type PredictionLine, type Problem } from "./parse";

/**
 * An imported prediction file stored as a judge run of kind "imported"
 * (docs/judges.md): the judge (found by name, or created: kind 'imported',
 * the label it answers), one judge_runs row, finished at once, and its
 * judge_predictions. One transaction: the run exists with all its
 * predictions or not at all.
 */
export const importPredictionsSchema = z.object({
  /** The classifier's name: its judge. A second file under the same name is a second run of it. */
  judge: z.string().trim().min(1, "name the classifier (judge)").max(120),
  labelKey: judgeLabelKeySchema,
  format: z.enum(PREDICTION_FORMATS).optional(),
  threshold: z.coerce.number().min(0).max(1).default(0.5),
});
export type ImportPredictionsOptions = z.input<typeof importPredictionsSchema>;

export interface ImportedRun {
  judgeId: number;
  runId: number;
  predictions: number;
}

type Client = Pick<pg.ClientBase, "query">;

/** transcript ids for the file's lines; problems for those naming no transcript, or an id and a hash that disagree. */
async function resolveTranscripts(client: Client, lines: PredictionLine[]): Promise<{ ids: number[]; problems: Problem[] }> {
  const wantedIds = [...new Set(lines.flatMap((l) => (l.transcriptId !== null ? [l.transcriptId] : [])))];
  const wantedHashes = [...new Set(lines.flatMap((l) => (l.contentHash !== null ? [l.contentHash] : [])))];
  const { rows } = await client.query<{ id: number; content_hash: string }>(
    `SELECT id, content_hash FROM transcripts WHERE id = ANY($1::int[]) OR content_hash = ANY($2::text[])`,
    [wantedIds, wantedHashes],
  );
  const hashOfId = new Map(rows.map((r) => [r.id, r.content_hash]));
  const idOfHash = new Map(rows.map((r) => [r.content_hash, r.id]));
  const ids: number[] = [];
  const problems: Problem[] = [];
  const seen = new Map<number, number>();
  for (const line of lines) {
    let id: number | undefined;
    if (line.transcriptId !== null) {
      if (!hashOfId.has(line.transcriptId)) {
        problems.push({ line: line.line, field: "transcript_id", message: `no transcript has id ${line.transcriptId}` });
        continue;
      }
      if (line.contentHash !== null && hashOfId.get(line.transcriptId) !== line.contentHash) {
        problems.push({ line: line.line, field: "content_hash", message: `is not the content hash of transcript ${line.transcriptId}` });
        continue;
      }
      id = line.transcriptId;
    } else {
      id = idOfHash.get(line.contentHash!);
      if (id === undefined) {
        problems.push({ line: line.line, field: "content_hash", message: "no transcript has this content hash" });
        continue;
      }
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ line: line.line, field: null, message: `transcript ${id} again (first on line ${first})` });
      continue;
    }
    seen.set(id, line.line);
    ids.push(id);
  }
  return { ids, problems };
}

async function importedJudge(
  client: Client,
  name: string,
  labelKey: JudgeLabelKey,
  createdBy: string | null,
  file: string,
): Promise<number> {
  const { rows } = await client.query<{ id: number; kind: string; label_key: string }>(
    `SELECT id, kind, label_key FROM judges WHERE name = $1 FOR UPDATE`,
    [name],
  );
  const existing = rows[0];
  if (existing) {
    if (existing.kind !== "imported" || existing.label_key !== labelKey) {
      throw new PredictionFileError(file, [
        {
          line: 1,
          field: null,
          message: `the judge "${name}" exists already as ${existing.kind === "imported" ? `a classifier of ${existing.label_key}` : "an LLM judge"}: choose another name`,
        },
      ]);
    }
    return existing.id;
  }
  const created = await client.query<{ id: number }>(
    `INSERT INTO judges (name, kind, label_key, created_by) VALUES ($1, 'imported', $2, $3) RETURNING id`,
    [name, labelKey, createdBy],
  );
  return created.rows[0].id;
}

/** Parses, checks and stores a prediction file; throws PredictionFileError (line, field, message) and stores nothing when any line is wrong. */
export async function importPredictions(
  client: pg.ClientBase,
  input: { file: string; text: string; createdBy: string | null } & ImportPredictionsOptions,
): Promise<ImportedRun> {
  const options = importPredictionsSchema.parse(input);
  const lines = parsePredictionFile(input.text, { file: input.file, format: options.format, threshold: options.threshold });
  await client.query("BEGIN");
  try {
    const { ids, problems } = await resolveTranscripts(client, lines);
    if (problems.length) throw new PredictionFileError(input.file, problems);
    const judgeId = await importedJudge(client, options.judge, options.labelKey, input.createdBy, input.file);
    const run = await client.query<{ id: number }>(
      // No transcripts-table filter applies to a file: `filter` stays {} (the column holds only such filters).
      `INSERT INTO judge_runs (judge_id, status, filter, total, done, created_by, started_at, finished_at)
       VALUES ($1, 'succeeded', '{}', $2, $2, $3, now(), now()) RETURNING id`,
      [judgeId, ids.length, input.createdBy],
    );
    const runId = run.rows[0].id;
    await client.query(
      `INSERT INTO judge_predictions (run_id, transcript_id, verdict, score, reason)
       SELECT $1, t, v, s, r FROM unnest($2::int[], $3::boolean[], $4::float8[], $5::text[]) AS p(t, v, s, r)`,
      [runId, ids, lines.map((l) => l.verdict), lines.map((l) => l.score), lines.map((l) => l.reason)],
    );
    await client.query("COMMIT");
    return { judgeId, runId, predictions: ids.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
