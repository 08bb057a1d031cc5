import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureCorpus, percentile } from "./corpus";
import { buildNext, signedInCookie, startNext, stopNext } from "./next-server";
import { benchRuns, report } from "./report";
import { describeCorpus, ensureTeamCorpus } from "./team-corpus";
import { BENCH_SECRET } from "./next-server";

/**
 * page.<name>: what a researcher's browser gets. Repeated GETs of a page from
 * the production server (`next start`), signed in, timed to the first byte of
 * the body and to its last byte (p50 and p95 of each). A streamed page sends its
 * shell first, so the two differ where a Suspense boundary fills in later.
 *
 * Baseline: the SQL that page ran. Before timing, the page is requested once
 * with statement capture on (bench/sql-capture.mjs, preloaded into the server):
 * every statement, with its parameters and timing. The baseline replays those
 * statements through raw pg, in the same order and with the same parallelism
 * (statements that overlapped in the page run side by side), alternating with
 * the page's own requests so both see the same load. value / baseline is what
 * rendering, React serialisation, auth and HTTP add over the database's time.
 */
const RUNS = benchRuns(30);
const WARMUP = 3;

interface Registry {
  variation: number;
  midId: number;
  transcript: number;
  pair: { pair_id: number; id: number };
  queueId: number;
}

interface PageCase {
  name: string;
  path: (r: Registry) => string;
  as: "lead" | "annotator";
  /** Text the answer must contain (proof that the page rendered, not an error page). */
  expect?: string;
  status?: number;
  /**
   * Text that appears in the body once the rows are in (a search's table): the page is also timed
   * to the first chunk holding it, reported as page.<name>.rows against its rows statements alone.
   */
  rowsMarker?: string;
  /** Run after each request outside the timed span, e.g. to give a claimed item back. */
  reset?: (pool: pg.Pool, annotatorId: string) => Promise<unknown>;
}

const label = encodeURIComponent("demo generator|complied|true");
/** The table's body: the rows, which a search sends before its streamed counts. */
const ROWS = "<tbody";
/** The table's count statement (lib/transcripts/list-sql.ts countQuery): what the rows do not wait for. */
const isCountStatement = (s: Statement) => /AS total\b[\s\S]*AS training\b[\s\S]*AS exact\b/.test(s.text) && !/ts_headline/.test(s.text);
const q = (text: string) => encodeURIComponent(text);

const PAGES: PageCase[] = [
  { name: "table.none", path: () => "/transcripts", as: "lead", expect: "Transcripts" },
  { name: "table.variation+condition", path: (r) => `/transcripts?variation=${r.variation}&condition=training`, as: "lead" },
  { name: "table.label", path: (r) => `/transcripts?variation=${r.variation}&label=${label}`, as: "lead" },
  { name: "table.human_label", path: () => "/transcripts?human=af_verdict:full", as: "lead" },
  { name: "table.deep_page", path: (r) => `/transcripts?after=${r.midId}&page=10000`, as: "lead" },
  { name: "search.words", path: () => `/transcripts?q=${q("RLHF modify values")}`, as: "lead", rowsMarker: ROWS },
  {
    name: "search.word+variation+condition+label",
    path: (r) =>
      `/transcripts?q=monitored&variation=${r.variation}&condition=deployment&label=${encodeURIComponent("demo generator|complied|false")}`,
    as: "lead",
    rowsMarker: ROWS,
  },
  {
    name: "search.phrase+variation+condition",
    path: (r) => `/transcripts?q=${q('"modify my values"')}&variation=${r.variation}&condition=training`,
    as: "lead",
    rowsMarker: ROWS,
  },
  { name: "search.rare_word", path: () => `/transcripts?q=paywall`, as: "lead", rowsMarker: ROWS },
  { name: "search.phrase", path: () => `/transcripts?q=${q('"modify my values"')}`, as: "lead", rowsMarker: ROWS },
  { name: "transcript", path: (r) => `/transcripts/${r.transcript}`, as: "lead" },
  { name: "pair", path: (r) => `/pairs/${r.pair.pair_id}?at=${r.pair.id}`, as: "lead", expect: "Training" },
  { name: "pair.diff", path: (r) => `/pairs/${r.pair.pair_id}?at=${r.pair.id}&diff=1`, as: "lead", expect: "Training" },
  { name: "analytics.source", path: () => "/analytics", as: "lead" },
  { name: "analytics.consensus", path: () => "/analytics?source=%40consensus", as: "lead" },
  { name: "analytics.labels", path: () => "/analytics/labels", as: "lead" },
  { name: "agreement", path: () => "/agreement", as: "lead", expect: "Agreement" },
  { name: "adjudication", path: () => "/adjudication", as: "lead" },
  {
    name: "queue.next",
    path: (r) => `/queues/${r.queueId}/next`,
    as: "annotator",
    status: 307,
    // Give the claimed slot back, so that every request claims anew (the costly path), not resumes.
    reset: (pool, annotatorId) =>
      pool.query(
        `WITH released AS (
           DELETE FROM label_queue_claims c USING label_queue_items i
           WHERE i.id = c.item_id AND c.annotator_id = $1
             AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = i.transcript_id AND a.annotator_id = $1)
           RETURNING c.item_id)
         UPDATE label_queue_items SET claims = claims - 1 FROM released WHERE id = released.item_id`,
        [annotatorId],
      ),
  },
  { name: "home.annotator", path: () => "/", as: "annotator", expect: "Overview" },
];

export async function benchPages(databaseUrl: string, size: number, only?: string[]) {
  await ensureCorpus(databaseUrl, size);
  const team = await ensureTeamCorpus(databaseUrl, size, BENCH_SECRET);
  const corpus = await describeCorpus(databaseUrl);
  // What every page.* figure below was measured on.
  report({ name: "page.corpus", value: corpus.transcripts, unit: "transcripts", baseline: null, ratio: null, ...corpus });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const port = Number(process.env.BENCH_PORT ?? 3190);
  const captureFile = path.join(os.tmpdir(), `af-bench-sql-${process.pid}.json`);
  let server: ChildProcess | null = null;
  try {
    const registry = await resolveRegistry(pool, team.queueId);
    const cookies = {
      lead: await signedInCookie(databaseUrl, { email: team.leadEmail, name: "Bench lead", role: "lead", password: team.password }),
      annotator: await signedInCookie(databaseUrl, {
        email: team.annotatorEmail,
        name: "Bench annotator 1",
        role: "annotator",
        password: team.password,
      }),
    };
    const annotatorId = (await pool.query("SELECT id FROM users WHERE email = $1", [team.annotatorEmail])).rows[0].id as string;
    buildNext();
    server = await startNext(databaseUrl, port, {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.resolve("bench/sql-capture.mjs")}`.trim(),
      BENCH_SQL_CAPTURE: captureFile,
    });
    const cases = PAGES.filter((c) => !only?.length || only.some((name) => `page.${c.name}`.startsWith(name)));
    const failures: string[] = [];
    for (const page of cases) {
      try {
        const url = `http://127.0.0.1:${port}${page.path(registry)}`;
        const get = () => timedGet(url, cookies[page.as], page);
        const reset = () => page.reset?.(pool, annotatorId);
        await get(); // compile caches, warm plans
        await reset();
        const statements = await capture(server, captureFile, get);
        await reset();
        const waves = toWaves(statements);
        if (process.env.BENCH_EXPLAIN) await explainSlowest(pool, page.name, statements, process.env.BENCH_EXPLAIN);
        const replay = () => replayWaves(pool, waves);
        // The rows' own SQL: every statement of the page but the count.
        const rowsWaves = page.rowsMarker ? toWaves(rowsStatementsOf(statements)) : null;
        for (let i = 0; i < WARMUP; i++) {
          await get();
          await reset();
          await replay();
          await reset();
        }
        const first: number[] = [];
        const last: number[] = [];
        const raw: number[] = [];
        const rowsAt: number[] = [];
        const rawRows: number[] = [];
        let bytes = 0;
        for (let i = 0; i < RUNS; i++) {
          const runPage = async () => {
            const times = await get();
            first.push(times.firstByte);
            last.push(times.lastByte);
            if (times.markerAt !== null) rowsAt.push(times.markerAt);
            bytes = times.bytes;
            await reset();
          };
          const runRaw = async () => {
            const started = performance.now();
            await replay();
            raw.push(performance.now() - started);
            if (rowsWaves) {
              const rowsStarted = performance.now();
              await replayWaves(pool, rowsWaves);
              rawRows.push(performance.now() - rowsStarted);
            }
            await reset();
          };
          if (i % 2) {
            await runRaw();
            await runPage();
          } else {
            await runPage();
            await runRaw();
          }
        }
        const p95 = percentile(last, 95);
        const baseline = percentile(raw, 95);
        report({
          name: `page.${page.name}`,
          value: round(p95),
          unit: "ms",
          baseline: round(baseline),
          ratio: round(p95 / baseline),
          of: "p95 to the last byte",
          p50: round(percentile(last, 50)),
          first_byte_p50: round(percentile(first, 50)),
          first_byte_p95: round(percentile(first, 95)),
          baseline_p50: round(percentile(raw, 50)),
          statements: statements.length,
          waves: waves.length,
          kb: Math.round(bytes / 1024),
          size,
        });
        if (page.rowsMarker) {
          if (rowsAt.length !== RUNS) throw new Error(`no "${page.rowsMarker}" in ${RUNS - rowsAt.length} answer(s)`);
          const rowsP95 = percentile(rowsAt, 95);
          const rowsBaseline = percentile(rawRows, 95);
          report({
            name: `page.${page.name}.rows`,
            value: round(rowsP95),
            unit: "ms",
            baseline: round(rowsBaseline),
            ratio: round(rowsP95 / rowsBaseline),
            of: "p95 until the body holds the rows (the counts stream in after)",
            p50: round(percentile(rowsAt, 50)),
            baseline_p50: round(percentile(rawRows, 50)),
            statements: rowsStatementsOf(statements).length,
            size,
          });
        }
      } catch (error) {
        // One broken page must not hide the figures of the others: it is reported, and the run fails at the end.
        failures.push(`page.${page.name}: ${error instanceof Error ? error.message : String(error)}`);
        process.stderr.write(`page.${page.name} FAILED: ${failures.at(-1)}\n`);
      }
    }
    if (failures.length) throw new Error(`${failures.length} page(s) failed:\n${failures.join("\n")}`);
  } finally {
    await stopNext(server);
    await pool.end();
    rmSync(captureFile, { force: true });
  }
}

async function timedGet(url: string, cookie: string, page: PageCase) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const reader = response.body!.getReader();
  let firstByte = NaN;
  let markerAt: number | null = null;
  let bytes = 0;
  const chunks: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let tail = ""; // the end of what came so far, so that a marker split across two chunks is still seen
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
    if (page.rowsMarker && markerAt === null) {
      const text = tail + decoder.decode(value, { stream: true });
      if (text.includes(page.rowsMarker)) markerAt = performance.now() - started;
      tail = text.slice(-page.rowsMarker.length);
    }
    bytes += value.length;
    chunks.push(value);
  }
  const lastByte = performance.now() - started;
  if (response.status !== (page.status ?? 200)) throw new Error(`GET ${url}: ${response.status}, expected ${page.status ?? 200}`);
  if (page.expect && !Buffer.concat(chunks).toString("utf8").includes(page.expect))
    throw new Error(`GET ${url}: no "${page.expect}" in the page`);
  return { firstByte: Number.isNaN(firstByte) ? lastByte : firstByte, lastByte, markerAt, bytes };
}

/** The statements the rows wait for: all of the page's but the count (session, scope, the rows with their snippets, statuses). */
function rowsStatementsOf(statements: Statement[]): Statement[] {
  if (!statements.some(isCountStatement))
    throw new Error("no count statement among the page's: are the counts still in the rows statement?");
  return statements.filter((s) => !isCountStatement(s));
}

interface Statement {
  text: string;
  name?: string;
  values?: unknown[];
  start: number;
  end: number | null;
}

/** One request with the server's statement capture on (SIGUSR2 on, request, SIGUSR2 off: the server writes the file). */
async function capture(server: ChildProcess, file: string, request: () => Promise<unknown>): Promise<Statement[]> {
  rmSync(file, { force: true });
  server.kill("SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 50));
  await request();
  await new Promise((resolve) => setTimeout(resolve, 100)); // statements after the last byte (none expected) still count
  server.kill("SIGUSR2");
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return (JSON.parse(readFileSync(file, "utf8")) as Statement[]).filter(
    (s) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|DEALLOCATE)\b/i.test(s.text),
  );
}

/** Statements that started before every statement of the current wave had finished ran side by side: one wave. */
function toWaves(statements: Statement[]): Statement[][] {
  const waves: Statement[][] = [];
  let wave: Statement[] = [];
  let earliestEnd = Infinity;
  for (const statement of [...statements].sort((a, b) => a.start - b.start)) {
    if (wave.length && statement.start >= earliestEnd) {
      waves.push(wave);
      wave = [];
      earliestEnd = Infinity;
    }
    wave.push(statement);
    earliestEnd = Math.min(earliestEnd, statement.end ?? Infinity);
  }
  if (wave.length) waves.push(wave);
  return waves;
}

/**
 * BENCH_EXPLAIN=DIR: EXPLAIN (ANALYZE, BUFFERS) of the page's slowest read statement, written to
 * DIR/<page>.txt with the statement and its parameters (for the closing note's "app SQL vs
 * hand SQL"). Writes are left out: EXPLAIN ANALYZE would perform them.
 */
async function explainSlowest(pool: pg.Pool, name: string, statements: Statement[], dir: string) {
  const reads = statements.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(s.text));
  const slowest = [...reads].sort((a, b) => (b.end ?? 0) - b.start - ((a.end ?? 0) - a.start))[0];
  if (!slowest) return;
  const { rows } = await pool.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${slowest.text}`, values: slowest.values });
  mkdirSync(dir, { recursive: true });
  // Every statement as captured (ms from the first one's start, duration, its start): where the rest of the page's SQL time goes.
  const first = Math.min(...statements.map((s) => s.start));
  writeFileSync(
    path.join(dir, `${name}.statements.txt`),
    statements
      .map(
        (s) =>
          `+${(s.start - first).toFixed(1)} ms\t${((s.end ?? s.start) - s.start).toFixed(1)} ms\t${s.text.replace(/\s+/g, " ").trim().slice(0, 160)}`,
      )
      .join("\n") + "\n",
  );
  writeFileSync(
    path.join(dir, `${name}.txt`),
    `${slowest.text}\n-- parameters: ${JSON.stringify(slowest.values ?? [])}\n\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}\n`,
  );
}

async function replayWaves(pool: pg.Pool, waves: Statement[][]) {
  for (const wave of waves) {
    await Promise.all(wave.map((s) => pool.query({ text: s.text, values: s.values, ...(s.name ? { name: s.name } : {}) })));
  }
}

async function resolveRegistry(pool: pg.Pool, queueId: number): Promise<Registry> {
  const one = async (sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows[0];
  const variation = (
    await one(
      `SELECT v.id FROM prompt_variations v JOIN settings s ON s.id = v.setting_id WHERE s.slug = 'helpful-only' AND v.slug = 'default'`,
    )
  ).id;
  const ids = await one(
    `SELECT min(t.id) AS min, max(t.id) AS max FROM transcripts t JOIN datasets d ON d.id = t.dataset_id WHERE d.name = 'demo'`,
  );
  const midId = Math.floor((ids.min + ids.max) / 2);
  const pair = await one(`SELECT pair_id, id FROM transcripts WHERE id >= $1 AND condition = 'training' ORDER BY id LIMIT 1`, [midId]);
  return { variation, midId, transcript: pair.id, pair, queueId };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
