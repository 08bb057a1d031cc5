import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { leadScope } from "@/lib/transcripts/list-scope";
import { neighbourQuery, sortKeyQuery } from "@/lib/transcripts/list-sql";
import { parseListState } from "@/lib/transcripts/list-state";
import { pairSql, pairTranscriptsSql, siblingsSql } from "@/lib/transcripts/pair";
import { parsePairViewState } from "@/lib/transcripts/pair-state";
import { ensureCorpus, percentile } from "./corpus";
import { buildNext, signedInCookie, startNext, stopNext } from "./next-server";
import { benchRuns, report } from "./report";

/**
 * pair.render: the paired view as a reader gets it, an HTTP GET of
 * /pairs/[id] (with the list it came from, so next/previous are computed)
 * from a production `next start` on the bench database, timed to the last
 * byte of the HTML. That is the honest figure: it includes the server
 * components' render, RSC serialisation and HTML streaming, which calling
 * the data function alone would leave out (and renderToString cannot run
 * async server components). Baseline: the same SQL statements the page runs,
 * through raw `pg`, in the same order and parallelism.
 *
 * pair.data: lib/transcripts/pair-view.ts's loadPairView in this process
 * (Prisma + view models), against the same baseline: render minus data is
 * what rendering costs. pair.render_diff: the same with the word diff on.
 */
const RUNS = benchRuns(40);
const SAMPLE = 20;

export async function benchPair(databaseUrl: string, size: number) {
  await ensureCorpus(databaseUrl, size);
  process.env.DATABASE_URL = databaseUrl;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const port = Number(process.env.BENCH_PORT ?? 3190);
  let server: ChildProcess | null = null;
  try {
    const from = `variation=${(await pool.query(`SELECT v.id FROM prompt_variations v JOIN settings s ON s.id = v.setting_id WHERE s.slug = 'helpful-only' AND v.slug = 'default'`)).rows[0].id}&condition=training`;
    // A spread of pairs of that list, each opened at its training row.
    const targets = (
      await pool.query<{ pair_id: number; id: number }>(
        `SELECT pair_id, id FROM transcripts WHERE variation_id = $1 AND condition = 'training' ORDER BY hashint4(id) LIMIT ${SAMPLE}`,
        [parseListState(new URLSearchParams(from)).filters.variation],
      )
    ).rows;
    const url = (target: { pair_id: number; id: number }, diff = false) =>
      `/pairs/${target.pair_id}?at=${target.id}${diff ? "&diff=1" : ""}&from=${encodeURIComponent(from)}`;

    const cookie = await signedInCookie(databaseUrl, {
      email: "bench-reader@bench.test",
      name: "Bench reader",
      role: "annotator",
      password: "bench-password-1",
    });
    buildNext();
    server = await startNext(databaseUrl, port);
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200 || !html.includes("Training")) throw new Error(`GET ${path}: ${response.status}`);
    };
    const raw = (i: number) => rawPairView(pool, targets[i % targets.length], from);

    const { loadPairView } = await import("@/lib/transcripts/pair-view");
    const data = (i: number) => {
      const target = targets[i % targets.length];
      return loadPairView(target.pair_id, parsePairViewState({ at: String(target.id), from }), leadScope());
    };
    for (const [name, app] of [
      ["pair.render", (i: number) => get(url(targets[i % targets.length]))],
      ["pair.render_diff", (i: number) => get(url(targets[i % targets.length], true))],
      ["pair.data", data],
    ] as const) {
      const times = await alternate(app, raw);
      report({
        name,
        value: times.app.p95,
        unit: "ms",
        baseline: times.raw.p95,
        ratio: times.app.p95 / times.raw.p95,
        p50: round(times.app.p50),
        baseline_p50: round(times.raw.p50),
        of: "p95",
        size,
      });
    }
  } finally {
    await stopNext(server);
    await pool.end();
  }
}

/** The statements loadPairView sends, in its order: pair and transcripts with the neighbours' anchor, then siblings with both neighbours. */
async function rawPairView(pool: pg.Pool, target: { pair_id: number; id: number }, from: string) {
  const list = parseListState(new URLSearchParams(from));
  const q = (sql: { text: string; values: unknown[] }) => pool.query(sql.text, sql.values);
  const neighbours = q(sortKeyQuery(list.sort, target.id)).then(({ rows }) => {
    const cursor = { key: Number(rows[0].key), id: target.id };
    return Promise.all([
      q(neighbourQuery(list, leadScope(), cursor, target.pair_id, "before")),
      q(neighbourQuery(list, leadScope(), cursor, target.pair_id, "after")),
    ]);
  });
  const [pair] = await Promise.all([q(pairSql(target.pair_id)), q(pairTranscriptsSql(target.pair_id))]);
  const row = pair.rows[0];
  await Promise.all([
    q(siblingsSql({ queryId: row.query_id, modelId: row.model_id, variationId: row.variation_id, sampleIndex: row.sample_index })),
    neighbours,
  ]);
}

export async function alternate(app: (i: number) => Promise<unknown>, raw: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await Promise.all([app(i), raw(i)]);
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let started = performance.now();
    await app(i);
    appTimes.push(performance.now() - started);
    started = performance.now();
    await raw(i);
    rawTimes.push(performance.now() - started);
  }
  return {
    app: { p50: percentile(appTimes, 50), p95: percentile(appTimes, 95) },
    raw: { p50: percentile(rawTimes, 50), p95: percentile(rawTimes, 95) },
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
