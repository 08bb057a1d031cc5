import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { testDatabaseUrl } from "@/lib/testing/database-url";
import { seedDemoCorpus } from "@/lib/demo/seed";
import { BENCH_SECRET } from "./next-server";
import { ensureTeamCorpus } from "./team-corpus";
import { adminSql } from "@/lib/db/admin-sql";

/**
 * The benchmarks' team corpus is built with the write path's consensus and agreement-unit triggers off and both
 * tables rebuilt once at the end (a 100,000-annotation build took 30 minutes with them on). What the pages read
 * must be what the triggers would have kept: the tables equal to the live views (transcript_consensus_live,
 * agreement_units_live) row for row, and the triggers on again afterwards, so that a later write keeps them so.
 * The build truncates every table of the human-label layer: it runs in a database of its own on the test server.
 */
const adminUrl = testDatabaseUrl();
const name = `af_bench_team_${process.pid}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
let client: pg.Client;

const admin = (sql: string) => adminSql(adminUrl, sql);

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  await applyMigrations(url);
  await seedDemoCorpus(url, { size: 600, seed: 3 });
  // 200 annotations on 100 transcripts, 4 adjudications.
  await ensureTeamCorpus(url, 600, BENCH_SECRET, 200);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

const CONSENSUS = "SELECT transcript_id, label_key, value, method, annotators, top_votes, votes FROM %s ORDER BY transcript_id, label_key";
const UNITS =
  "SELECT transcript_id, kind, label_key, variation_id, annotators, votes, span_overlap, span_total FROM %s ORDER BY transcript_id, kind, label_key";
const rows = async (sql: string, relation: string) => (await client.query(sql.replace("%s", relation))).rows;

describe("the bench team corpus (bulk build, derived tables rebuilt once)", () => {
  it("has the asked-for annotations, spans, queues and adjudications", async () => {
    const { rows: counts } = await client.query(
      `SELECT (SELECT count(*) FROM annotations WHERE submitted_at IS NOT NULL)::int AS annotations,
              (SELECT count(*) FROM annotation_spans)::int AS spans,
              (SELECT count(*) FROM label_queues)::int AS queues,
              (SELECT count(*) FROM adjudications)::int AS adjudications`,
    );
    expect(counts[0]).toMatchObject({ annotations: 200, queues: 50, adjudications: 4 });
    expect(counts[0].spans).toBeGreaterThan(100);
  });

  it("stores the consensus and the agreement units the live views compute, row for row", async () => {
    const consensus = await rows(CONSENSUS, "transcript_consensus");
    expect(consensus).toEqual(await rows(CONSENSUS, "transcript_consensus_live"));
    const units = await rows(UNITS, "agreement_units");
    expect(units).toEqual(await rows(UNITS, "agreement_units_live"));
    // Not vacuous: decided, voted and span rows are there.
    expect(consensus.filter((r) => r.method === "adjudicated")).toHaveLength(4);
    expect(new Set(consensus.map((r) => r.method))).toContain("unanimous");
    expect(units.some((r) => r.kind === "span" && Number(r.span_total) > 0)).toBe(true);
    expect(units.filter((r) => r.kind === "rated")).toHaveLength(100);
  });

  it("leaves the write path's triggers on: a later submit and decision keep both tables equal to the live views", async () => {
    const { rows: off } = await client.query(
      `SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE NOT t.tgisinternal AND c.relname IN ('annotations', 'annotation_spans', 'adjudications') AND t.tgenabled <> 'O'`,
    );
    expect(off).toEqual([]);
    // A third annotator submits on a labelled transcript with evidence; the lead decides another one's verdict.
    const { rows: picked } = await client.query(
      `SELECT a.transcript_id, (SELECT u.id FROM users u WHERE u.email LIKE 'bench-annotator-%' AND NOT EXISTS
                 (SELECT 1 FROM annotations b WHERE b.transcript_id = a.transcript_id AND b.annotator_id = u.id) LIMIT 1) AS other
       FROM annotations a GROUP BY a.transcript_id ORDER BY a.transcript_id LIMIT 2`,
    );
    await client.query("BEGIN");
    const { rows: added } = await client.query(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at)
       VALUES ($1, $2, 1, '{"af_verdict": "full", "compliance": 2}', now()) RETURNING id`,
      [picked[0].transcript_id, picked[0].other],
    );
    await client.query(
      `INSERT INTO annotation_spans (annotation_id, label_key, start, "end", text) VALUES ($1, 'criterion_a', 0, 10, 'x')`,
      [added[0].id],
    );
    await client.query(
      `INSERT INTO adjudications (transcript_id, label_key, value, decided_by_id)
       SELECT $1, 'compliance', '3', id FROM users WHERE email = 'bench-lead@bench.test'`,
      [picked[1].transcript_id],
    );
    await client.query("COMMIT");
    expect(await rows(CONSENSUS, "transcript_consensus")).toEqual(await rows(CONSENSUS, "transcript_consensus_live"));
    expect(await rows(UNITS, "agreement_units")).toEqual(await rows(UNITS, "agreement_units_live"));
    const third = await client.query("SELECT annotators FROM transcript_consensus WHERE transcript_id = $1 AND label_key = 'af_verdict'", [
      picked[0].transcript_id,
    ]);
    expect(third.rows[0].annotators).toBe(3);
  });
});
