import pg from "pg";
import { SAVE_SQL, saveParameters } from "@/lib/annotations/save-sql";
import { percentile } from "./corpus";
import { report } from "./report";

/**
 * annotation.save_sql: what ONE save statement costs the database on the kept
 * team corpus (100,000 submitted annotations), triggers included: the write
 * path keeps transcript_consensus and agreement_units, so a save of a submitted
 * annotation recomputes its transcript's rows. Two shapes, each in a transaction
 * rolled back (the corpus stays as it was):
 *   edit:   an annotator re-saves a submitted annotation (values and spans replaced);
 *   submit: another annotator submits a new annotation on a labelled transcript.
 * The deferred triggers fire inside the timing (SET CONSTRAINTS ALL IMMEDIATE), as a commit fires them.
 * Serial, one connection: the statement's own latency, not the server's capacity
 * (annotation.save_p95 measures that over HTTP, on its own corpus).
 * Baseline: the same statement with every trigger off (session_replication_role
 * = replica, foreign-key checks included), timed alternately with the real one, so
 * the ratio is what the write path's triggers cost whatever the machine's load.
 */
const RUNS = 300;
const WARMUP = 20;

interface Picked {
  id: number;
  transcript_id: number;
  annotator_id: string;
  version: number;
  schema_version: number;
  values: Record<string, string | number | boolean>;
  spans: { labelKey: string; start: number; end: number; text: string }[];
  other: string;
}

export async function benchSaveCost(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Picked>(
      `SELECT a.id, a.transcript_id, a.annotator_id, a.version, a.schema_version, a."values",
              coalesce((SELECT jsonb_agg(jsonb_build_object('labelKey', s.label_key, 'start', s.start, 'end', s."end", 'text', s.text))
                        FROM annotation_spans s WHERE s.annotation_id = a.id), '[]') AS spans,
              (SELECT u.annotator_id FROM annotations u WHERE u.annotator_id <> ALL (
                 SELECT b.annotator_id FROM annotations b WHERE b.transcript_id = a.transcript_id) LIMIT 1) AS other
       FROM annotations a WHERE a.submitted_at IS NOT NULL ORDER BY a.id LIMIT $1`,
      [RUNS + WARMUP],
    );
    if (rows.length < RUNS + WARMUP)
      throw new Error(`annotation.save_sql needs ${RUNS + WARMUP} submitted annotations (BENCH_ANNOTATIONS).`);
    const time = async (params: unknown[], triggers: boolean) => {
      await client.query("BEGIN");
      try {
        if (!triggers) await client.query("SET LOCAL session_replication_role = replica");
        const started = performance.now();
        await client.query(SAVE_SQL, params);
        // What the commit would run: the deferred recompute of the human-label tables (migration 20261204100000).
        await client.query("SET CONSTRAINTS ALL IMMEDIATE");
        return performance.now() - started;
      } finally {
        await client.query("ROLLBACK");
      }
    };
    for (const shape of ["edit", "submit"] as const) {
      const times: number[] = [];
      const untriggered: number[] = [];
      for (const [i, row] of rows.entries()) {
        const values = { ...row.values, af_verdict: i % 2 ? "partial" : "full" };
        const params = saveParameters({
          transcriptId: row.transcript_id,
          annotatorId: shape === "edit" ? row.annotator_id : row.other,
          expectedVersion: shape === "edit" ? row.version : 0,
          schemaVersion: row.schema_version,
          values,
          note: "",
          spans: row.spans,
          submit: true,
        });
        const ms = await time(params, true);
        const bare = await time(params, false);
        if (i < WARMUP) continue;
        times.push(ms);
        untriggered.push(bare);
      }
      const value = percentile(times, 95);
      const baseline = percentile(untriggered, 95);
      report({
        name: `annotation.save_sql.${shape}`,
        value,
        unit: "ms",
        baseline,
        ratio: Math.round((value / baseline) * 1000) / 1000,
        p50: Math.round(percentile(times, 50) * 100) / 100,
        p99: Math.round(percentile(times, 99) * 100) / 100,
        baseline_p50: Math.round(percentile(untriggered, 50) * 100) / 100,
        runs: times.length,
      });
    }
  } finally {
    await client.end();
  }
}
