import pg from "pg";
import { createAccount } from "@/lib/auth/accounts";
import { standaloneAuth } from "@/lib/auth/standalone";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { DEMO_DATASET } from "@/lib/demo/seed";

/**
 * The human-labelling layer of the page benchmarks' corpus, on top of the demo
 * transcripts (bench/corpus.ts), at the issue's scale: at 1,000,000 transcripts,
 * 100,000 submitted annotations by 20 annotators (two per transcript, with
 * span evidence), 50 queues and 2,000 adjudications. Smaller corpora get the same
 * proportions (annotations = size / 10, adjudications = size / 500); annotators (20)
 * and queues (50) stay fixed, as a team does not shrink with its corpus.
 *
 * Built by INSERT ... SELECT inside the server (no rows cross the wire, which is
 * faster than COPY for generated data). Kept across --keep runs when it is whole.
 */
export const ANNOTATORS = 20;
export const QUEUES = 50;
const PASSWORD = "bench-password-1";

export interface TeamCorpus {
  leadEmail: string;
  annotatorEmail: string;
  password: string;
  queueId: number;
}

/**
 * BENCH_ANNOTATIONS=N sets the number of annotations apart from --size (adjudications stay 1 in 50 of
 * them): the 100,000 annotations on a 100,000-transcript corpus measure the human-label pages at
 * a real team's scale without seeding a million transcripts first.
 */
export function teamTargets(size: number, annotations = Number(process.env.BENCH_ANNOTATIONS) || Math.round(size / 10)) {
  return { annotations: Math.max(2, annotations), adjudications: Math.max(1, Math.round(annotations / 50)) };
}

const email = (i: number) => `bench-annotator-${i}@bench.test`;

/** `annotations`: as BENCH_ANNOTATIONS (a test asks for a few more than `size / 10`). */
export async function ensureTeamCorpus(databaseUrl: string, size: number, secret: string, annotations?: number): Promise<TeamCorpus> {
  const targets = teamTargets(size, annotations);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = await ensureAccounts(databaseUrl, client, secret);
    const have = await client.query<{ annotations: string; queues: string; adjudications: string }>(
      `SELECT (SELECT count(*) FROM annotations WHERE annotator_id = ANY($1)) AS annotations,
              (SELECT count(*) FROM label_queues WHERE name LIKE 'Bench queue %') AS queues,
              (SELECT count(*) FROM adjudications WHERE decided_by_id = $2) AS adjudications`,
      [ids.annotators, ids.lead],
    );
    const row = have.rows[0];
    if (
      Number(row.annotations) === targets.annotations &&
      Number(row.queues) === QUEUES &&
      Number(row.adjudications) === targets.adjudications
    ) {
      process.stderr.write("team corpus: reusing the kept annotations, queues and adjudications\n");
    } else {
      process.stderr.write(
        `team corpus: building (the database has ${row.annotations} bench annotations, ${row.queues} queues, ${row.adjudications} adjudications; ` +
          `--size ${size} asks for ${targets.annotations}, ${QUEUES}, ${targets.adjudications})\n`,
      );
      const started = performance.now();
      await buildTeamCorpus(client, ids, targets);
      process.stderr.write(`team corpus: built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    const queueId = (await client.query<{ id: number }>("SELECT min(id) AS id FROM label_queues WHERE name LIKE 'Bench queue %'")).rows[0]
      .id;
    return { leadEmail: "bench-lead@bench.test", annotatorEmail: email(1), password: PASSWORD, queueId };
  } finally {
    await client.end();
  }
}

/** 20 annotators and a lead with real (better-auth) accounts, so the benchmark can sign in as any of them. */
async function ensureAccounts(databaseUrl: string, client: pg.Client, secret: string) {
  const wanted = [
    { email: "bench-lead@bench.test", name: "Bench lead", role: "lead" as const },
    ...Array.from({ length: ANNOTATORS }, (_, i) => ({
      email: email(i + 1),
      name: `Bench annotator ${i + 1}`,
      role: "annotator" as const,
    })),
  ];
  const existing = new Map(
    (
      await client.query<{ id: string; email: string }>("SELECT id, email FROM users WHERE email = ANY($1)", [wanted.map((w) => w.email)])
    ).rows.map((r) => [r.email, r.id]),
  );
  const missing = wanted.filter((w) => !existing.has(w.email));
  if (missing.length) {
    const { auth, close } = standaloneAuth(databaseUrl, secret);
    try {
      for (const account of missing) existing.set(account.email, (await createAccount(auth, { ...account, password: PASSWORD })).id);
    } finally {
      await close();
    }
  }
  return { lead: existing.get(wanted[0].email)!, annotators: wanted.slice(1).map((w) => existing.get(w.email)!) };
}

async function buildTeamCorpus(client: pg.Client, ids: { lead: string; annotators: string[] }, targets: ReturnType<typeof teamTargets>) {
  const step = await timedSteps(client);
  await client.query("BEGIN");
  try {
    await step(
      "truncate",
      "TRUNCATE annotations, annotation_spans, annotation_audit, label_queues, label_queue_annotators, label_queue_items, label_queue_claims, adjudications",
    );
    // The bulk inserts below would each recompute the consensus and agreement units of every labelled transcript
    // (the write path's triggers: twice the consensus, once the units at commit, one deferred firing per transcript);
    // they are switched off for this transaction and the two tables rebuilt once at the end, from the same rule.
    const derived = await derivedTableTriggers(client);
    await step("triggers off", derived.map(({ table, trigger }) => `ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`).join("; "));
    await step(
      "schema version",
      `INSERT INTO label_schema_versions (version, labels, note) VALUES (1, $1::jsonb, 'The paper''s labels (default schema).') ON CONFLICT DO NOTHING`,
      [JSON.stringify(DEFAULT_LABELS)],
    );
    // Labelled transcripts: an even spread over the demo corpus (every k-th by id), two annotators each.
    const labelled = Math.ceil(targets.annotations / 2);
    await step(
      "labelled transcripts",
      `CREATE TEMP TABLE bench_labelled ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY id) - 1 AS i, id AS transcript_id, scratchpad_text FROM (
         SELECT t.id, t.scratchpad_text, row_number() OVER (ORDER BY t.id) AS r, count(*) OVER () AS n
         FROM transcripts t JOIN datasets d ON d.id = t.dataset_id WHERE d.name = $1
       ) s WHERE (r - 1) % greatest(1, n / $2) = 0 LIMIT $2`,
      [DEMO_DATASET, labelled],
    );
    // Not analyzed, a temp table is planned as ~94,000 rows whatever it holds.
    await step("analyze labelled", "ANALYZE bench_labelled");
    // 50 queues of two annotators per item, every annotator a member of every queue.
    await step(
      "queues",
      `INSERT INTO label_queues (name, description, blind, annotators_per_item, created_by_id)
       SELECT 'Bench queue ' || q, 'Benchmark queue', q % 2 = 0, 2, $1 FROM generate_series(1, $2) q`,
      [ids.lead, QUEUES],
    );
    await step(
      "queue members",
      `INSERT INTO label_queue_annotators (queue_id, user_id) SELECT q.id, u FROM label_queues q, unnest($1::text[]) u`,
      [ids.annotators],
    );
    await step(
      "queue index",
      `CREATE TEMP TABLE bench_queues ON COMMIT DROP AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM label_queues`,
    );
    await step(
      "labelled queue items",
      `INSERT INTO label_queue_items (queue_id, transcript_id, claims)
       SELECT q.id, l.transcript_id, 2 FROM bench_labelled l JOIN bench_queues q ON q.k = l.i % $1`,
      [QUEUES],
    );
    // Work left to do: as many unlabelled transcripts again, queued and unclaimed (the next-item benchmark claims them).
    await step(
      "unclaimed queue items",
      `INSERT INTO label_queue_items (queue_id, transcript_id)
       SELECT q.id, t.id FROM (
         SELECT t.id, row_number() OVER (ORDER BY t.id DESC) - 1 AS i FROM transcripts t JOIN datasets d ON d.id = t.dataset_id
         WHERE d.name = $1 AND NOT EXISTS (SELECT 1 FROM bench_labelled l WHERE l.transcript_id = t.id) ORDER BY t.id DESC LIMIT $2
       ) t JOIN bench_queues q ON q.k = t.i % $3`,
      [DEMO_DATASET, labelled, QUEUES],
    );
    // Two annotations per labelled transcript, by annotators i and i + 7 (mod 20): each annotator labels 1/10 of them.
    await step(
      "annotations",
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, values, submitted_at)
       SELECT l.transcript_id, ($1::text[])[1 + (l.i + s * 7) % $2], 1,
              jsonb_build_object(
                'af_verdict', (ARRAY['no', 'no', 'no', 'partial', 'full'])[1 + abs(hashtext(l.transcript_id || ':v' || s)) % 5],
                'compliance', 1 + abs(hashtext(l.transcript_id || ':c' || s)) % 4,
                'unmonitored_unmasking', abs(hashtext(l.transcript_id || ':u' || s)) % 10 = 0),
              now() - (l.i % 1000) * interval '1 minute'
       FROM bench_labelled l, generate_series(0, 1) s
       LIMIT $3`,
      [ids.annotators, ANNOTATORS, targets.annotations],
    );
    await step("analyze annotations", "ANALYZE annotations, label_queue_items");
    await step(
      "claims",
      `INSERT INTO label_queue_claims (item_id, annotator_id, claimed_at)
       SELECT i.id, a.annotator_id, a.submitted_at FROM annotations a JOIN label_queue_items i ON i.transcript_id = a.transcript_id`,
    );
    // Span evidence: each annotation tags a piece of the scratchpad for the criteria its hash picks (about half of a-e).
    await step(
      "spans",
      `INSERT INTO annotation_spans (annotation_id, label_key, start, "end", text)
       SELECT a.id, k.key, o.n * 40, o.n * 40 + 30, substr(l.scratchpad_text, o.n * 40 + 1, 30)
       FROM annotations a JOIN bench_labelled l ON l.transcript_id = a.transcript_id,
            unnest(ARRAY['criterion_a', 'criterion_b', 'criterion_c', 'criterion_d', 'criterion_e']) WITH ORDINALITY k(key, ord), LATERAL (SELECT ord::int AS n) o
       WHERE abs(hashtext(a.id || k.key)) % 2 = 0 AND length(l.scratchpad_text) >= o.n * 40 + 30`,
    );
    // Adjudications: the lead's decision on the verdict, first where the two annotators disagree.
    await step(
      "adjudications",
      `INSERT INTO adjudications (transcript_id, label_key, value, note, decided_by_id)
       SELECT transcript_id, 'af_verdict', (array_agg("values"->'af_verdict' ORDER BY id))[1], 'bench', $1
       FROM annotations GROUP BY transcript_id
       ORDER BY count(DISTINCT "values"->'af_verdict') DESC, transcript_id LIMIT $2`,
      [ids.lead, targets.adjudications],
    );
    // The statistics of what was just written, for the rebuilds' plans (the tables were empty when last analyzed).
    await step("analyze", "ANALYZE annotations, annotation_spans, adjudications");
    await step(
      "rebuild consensus",
      "DELETE FROM transcript_consensus; INSERT INTO transcript_consensus SELECT * FROM transcript_consensus_live",
    );
    await step("rebuild agreement units", "SELECT agreement_units_rebuild()");
    await step("triggers on", derived.map(({ table, trigger }) => `ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`).join("; "));
    await step("commit", "COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  await step("vacuum analyze", "VACUUM ANALYZE annotations, annotation_spans, label_queue_items, label_queue_claims, adjudications");
}

/**
 * The triggers that note transcripts for transcript_consensus and agreement_units (migration 20261204100000) on
 * the tables this build writes; TRUNCATE's are left on (they rebuild, once). The build rebuilds both tables itself,
 * as their TRUNCATE triggers do (bench/team-corpus.db.test.ts holds the result equal to the live views).
 */
async function derivedTableTriggers(client: pg.Client) {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT quote_ident(c.relname) AS table, quote_ident(t.tgname) AS trigger
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relname IN ('annotations', 'annotation_spans', 'adjudications')
       AND t.tgname LIKE 'human\\_labels\\_%'
     ORDER BY 1, 2`,
  );
  // A rename would leave them on: the build stays right but takes half an hour again. Say so instead.
  if (rows.length === 0) throw new Error("team corpus: found no human_labels_* triggers to switch off (renamed? see bench/team-corpus.ts)");
  return rows;
}

/** What the benchmarks ran on, printed once per run (stderr) and in the page benchmarks' figures. */
export async function describeCorpus(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM transcripts)::int AS transcripts,
              (SELECT count(*) FROM source_labels)::int AS imported_labels,
              (SELECT count(*) FROM prompt_variations v WHERE EXISTS (SELECT 1 FROM pairs p WHERE p.variation_id = v.id))::int AS variations,
              (SELECT count(*) FROM annotations)::int AS annotations,
              (SELECT count(DISTINCT annotator_id) FROM annotations)::int AS annotators,
              (SELECT count(*) FROM annotation_spans)::int AS spans,
              (SELECT count(*) FROM label_queues)::int AS queues,
              (SELECT count(*) FROM label_queue_items)::int AS queue_items,
              (SELECT count(*) FROM adjudications)::int AS adjudications`,
    );
    return rows[0] as Record<string, number>;
  } finally {
    await client.end();
  }
}

/**
 * Each statement of the build, timed and logged (stderr), so that a slow seed says where its time goes.
 */
async function timedSteps(client: pg.Client) {
  if (process.env.BENCH_PROFILE) await explainNested(client, Number(process.env.BENCH_PROFILE));
  return async (name: string, sql: string, values?: unknown[]) => {
    const started = performance.now();
    const result = await client.query(sql, values);
    process.stderr.write(`team corpus: ${name}: ${((performance.now() - started) / 1000).toFixed(2)} s (${result.rowCount ?? 0} rows)\n`);
    return result;
  };
}

/**
 * BENCH_PROFILE=MS: every statement of the build that runs MS ms or longer, triggers' statements included,
 * EXPLAIN ANALYZEd by auto_explain and sent to this client as a notice (printed on stderr).
 */
async function explainNested(client: pg.Client, ms: number) {
  client.on("notice", (notice) => process.stderr.write(`${notice.message}\n`));
  await client.query("LOAD 'auto_explain'");
  await client.query(
    `SET auto_explain.log_min_duration = ${Math.max(0, Math.floor(ms))}; SET auto_explain.log_analyze = on;
     SET auto_explain.log_nested_statements = on; SET auto_explain.log_level = notice`,
  );
}
