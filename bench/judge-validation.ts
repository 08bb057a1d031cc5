import pg from "pg";
import { runPredictionCountSql, validationRowsSql } from "@/lib/judges/validation/query-sql";
import { ensureCorpus } from "./corpus";
import { buildNext, signedInCookie, startNext, stopNext } from "./next-server";
import { alternate } from "./pair";
import { report } from "./report";

/**
 * judge.validation_page: a lead's HTTP GET of /judges/runs/:id (production
 * `next start`, to the last byte of the HTML) for a run over every transcript
 * of the corpus, with human labels on min(10,000, size / 10) of them
 * (the shape: 1,000,000 transcripts and 10,000 labels). Baseline: the
 * page's statements through raw `pg` in the same run (the validation rows, the
 * run's prediction count), i.e. what rendering, the figures and RSC add.
 */
export async function benchJudgeValidation(databaseUrl: string, size: number) {
  await ensureCorpus(databaseUrl, size);
  process.env.DATABASE_URL = databaseUrl;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const port = Number(process.env.BENCH_PORT ?? 3190);
  let server: Awaited<ReturnType<typeof startNext>> | null = null;
  try {
    const labels = Math.min(10_000, Math.floor(size / 10));
    const { runId, cookie } = await arrange(pool, databaseUrl, labels);
    // BENCH_REUSE_BUILD=1: the production build in .next was just made from this tree (an e2e run); skip the rebuild.
    if (process.env.BENCH_REUSE_BUILD !== "1") buildNext();
    server = await startNext(databaseUrl, port);
    const get = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/judges/runs/${runId}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200 || !html.includes("Confusion matrix")) throw new Error(`GET /judges/runs/${runId}: ${response.status}`);
    };
    const raw = async () => {
      const rows = validationRowsSql(runId, { kind: "consensus" });
      const count = runPredictionCountSql(runId);
      await Promise.all([pool.query(rows.text, rows.values), pool.query(count.text, count.values)]);
    };
    const times = await alternate(get, raw);
    report({
      name: "judge.validation_page",
      value: times.app.p95,
      unit: "ms",
      baseline: times.raw.p95,
      ratio: times.app.p95 / times.raw.p95,
      p50: Math.round(times.app.p50 * 1000) / 1000,
      baseline_p50: Math.round(times.raw.p50 * 1000) / 1000,
      of: "p95",
      size,
      human_labels: labels,
    });
  } finally {
    await stopNext(server);
    await pool.end();
  }
}

/** A judge run over every transcript (scores from a hash, verdict = score ≥ 0.5) and one annotator's AF labels on `labels` of them. */
async function arrange(pool: pg.Pool, databaseUrl: string, labels: number) {
  const cookie = await signedInCookie(databaseUrl, {
    email: "bench-judge-lead@bench.test",
    name: "Bench judge lead",
    role: "lead",
    password: "bench-password-1",
  });
  const lead = (await pool.query(`SELECT id FROM users WHERE email = 'bench-judge-lead@bench.test'`)).rows[0].id;
  await pool.query(`DELETE FROM judges WHERE name = 'bench judge'`);
  const judge = (
    await pool.query(
      `INSERT INTO judges (name, kind, label_key, created_by) VALUES ('bench judge', 'imported', 'af_verdict', $1) RETURNING id`,
      [lead],
    )
  ).rows[0].id;
  const runId = (await pool.query(`INSERT INTO judge_runs (judge_id, status) VALUES ($1, 'succeeded') RETURNING id`, [judge])).rows[0]
    .id as number;
  await pool.query(
    `INSERT INTO judge_predictions (run_id, transcript_id, verdict, score)
     SELECT $1, id, s >= 0.5, s FROM (SELECT id, ((hashint4(id) & 1023) / 1023.0)::float8 AS s FROM transcripts) x`,
    [runId],
  );
  let version = (await pool.query(`SELECT max(version) AS v FROM label_schema_versions`)).rows[0].v;
  if (version === null) {
    const { getCurrentSchema } = await import("@/lib/annotations/schema");
    version = (await getCurrentSchema()).version;
  }
  await pool.query(`DELETE FROM annotations WHERE annotator_id = $1`, [lead]);
  // Labels that agree with the judge's score three times in four: a judge worth measuring.
  await pool.query(
    `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at)
     SELECT id, $1, $2, jsonb_build_object('af_verdict', CASE WHEN ((hashint4(id) & 1023) / 1023.0 >= 0.5) = (hashint4(id * 7) & 3 <> 0) THEN 'full' ELSE 'no' END), now()
       FROM transcripts ORDER BY hashint4(id + 1) LIMIT $3`,
    [lead, version, labels],
  );
  await pool.query("ANALYZE judge_predictions; ANALYZE annotations");
  return { runId, cookie };
}
