import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { SAVE_SQL, SAVE_STATEMENT, saveParameters } from "@/lib/annotations/save-sql";
import { ensureCorpus } from "./corpus";
import { payload, random, runLoops, type Stats, type Target } from "./annotation-load";
import { BENCH_SECRET, buildNext, signedInCookie, startNext, stopNext } from "./next-server";
import { report } from "./report";
import { ensureTeamCorpus } from "./team-corpus";

/**
 * annotation.save_p95: 50 simulated annotators save annotations for 30 s over
 * HTTP against the production build (PUT /api/transcripts/:id/annotation, each
 * request authenticated by its session cookie, validated, written with its
 * audit row). Each annotator works on its own transcripts and saves as often
 * as the panel's autosave can fire: it waits 600 ms after the last change, so
 * one annotator's saves are at least 600 ms apart (THINK_MS: 600-1200 ms).
 * Also reported: the same for 10 s with no pause at all (`saturated_*`: the
 * server's capacity). Baseline: the same SQL statement run directly through
 * pg by 50 loops with the same pauses (pool of 10, like the app), on other
 * transcripts, in the same run.
 *
 * On the benchmarks' corpus with the team's labels (issue 17: at 1,000,000
 * transcripts, 100,000 annotations), reused when kept, and on transcripts the
 * team has annotated where there are enough: each submit's triggers then
 * recompute a consensus and agreement units that other annotators' votes feed.
 */
const ANNOTATORS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BASELINE_SECONDS = 10;
const TARGETS_PER_ANNOTATOR = 20;
/** Pause between one annotator's saves: uniform in [min, max] ms (autosave fires 600 ms after a change). */
const THINK_MS: [number, number] = [600, 1200];
const SATURATION_SECONDS = 10;

export async function benchAnnotation(databaseUrl: string, size: number) {
  const port = Number(process.env.PORT ?? 3000);
  await ensureCorpus(databaseUrl, size);
  await ensureTeamCorpus(databaseUrl, size, BENCH_SECRET);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let server: Awaited<ReturnType<typeof startNext>> | null = null;
  let saverIds: string[] = [];
  try {
    await client.query(`INSERT INTO label_schema_versions (version, labels, note) VALUES (1, $1, 'default') ON CONFLICT DO NOTHING`, [
      JSON.stringify(DEFAULT_LABELS),
    ]);
    const annotators = await benchAnnotators(databaseUrl, client);
    saverIds = annotators.map((a) => a.id);
    const targets = await saveTargets(client, ANNOTATORS * TARGETS_PER_ANNOTATOR * 2);
    if (targets.length < ANNOTATORS * TARGETS_PER_ANNOTATOR * 2)
      throw new Error(`--size ${size} gives too few transcripts with a scratchpad; use a larger size.`);
    const appTargets = targets.slice(0, ANNOTATORS * TARGETS_PER_ANNOTATOR);
    const baselineTargets = targets.slice(ANNOTATORS * TARGETS_PER_ANNOTATOR);

    console.error("Building the production app…");
    buildNext();
    server = await startNext(databaseUrl, port);
    const base = `http://127.0.0.1:${port}`;

    const save = httpSaver(base, annotators, appTargets);
    await runLoops(ANNOTATORS, 3, save.once, think(1)); // warm up: JIT, pools, caches
    const loadBefore = os.loadavg()[0];
    const cpuBefore = cpuSeconds(server.pid);
    const app = await runLoops(ANNOTATORS, SECONDS, save.once, think(2));
    const cpuAfter = cpuSeconds(server.pid);
    const loadAfter = os.loadavg()[0];
    const saturated = await runLoops(ANNOTATORS, SATURATION_SECONDS, save.once);
    const baseline = await runBaseline(
      databaseUrl,
      annotators.map((a) => a.id),
      baselineTargets,
    );
    const serverCpuMs = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / app.count;
    print(app, saturated, baseline, size, { serverCpuMs, load: [loadBefore, loadAfter] });
  } finally {
    await stopNext(server);
    // The kept corpus goes back to its shape (20 annotators' labels) for the benchmarks that follow.
    await removeSaversWork(client, saverIds);
    await client.end();
  }
}

/**
 * CPU seconds a process has used (Linux /proc; null elsewhere). Per save, it
 * says what a save costs the server whatever else the machine is running,
 * which the latencies do not.
 */
function cpuSeconds(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (!pid || !existsSync(file)) return null;
  const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100/s on Linux)
}

function think(seed: number) {
  const next = random(seed);
  return () => THINK_MS[0] + next() * (THINK_MS[1] - THINK_MS[0]);
}

/**
 * Transcripts with a scratchpad to select spans in: those the team annotated first (the consensus a
 * submit recomputes has other votes), then others by id when the team corpus is too small to hold them.
 */
async function saveTargets(client: pg.Client, count: number): Promise<Target[]> {
  const withScratchpad = async (where: string, values: unknown[]) =>
    (
      await client.query<{ id: number; scratchpad_text: string }>(
        `SELECT id, scratchpad_text FROM transcripts WHERE length(scratchpad_text) > 300 AND ${where} ORDER BY id LIMIT $1`,
        [count, ...values],
      )
    ).rows;
  const annotated = await withScratchpad("id IN (SELECT transcript_id FROM annotations)", []);
  const others = annotated.length < count ? await withScratchpad("NOT (id = ANY($2))", [annotated.map((row) => row.id)]) : [];
  return [...annotated, ...others].slice(0, count).map((row) => ({ transcriptId: row.id, scratchpad: row.scratchpad_text, version: 0 }));
}

const saverEmail = (i: number) => `bench-saver-${i}@bench.test`;

/**
 * 50 annotator accounts of their own (not the team corpus's annotators, whose queues would hold transcripts
 * blind from them), each with a real session (signed in through better-auth), created on the first run and
 * reused on a kept database; their annotations are deleted before a run (every save starts from version 0) and after it.
 */
async function benchAnnotators(databaseUrl: string, client: pg.Client) {
  const cookies: string[] = [];
  for (let i = 0; i < ANNOTATORS; i++) {
    const account = { email: saverEmail(i), name: `Bench saver ${i}`, role: "annotator" as const };
    cookies.push(await signedInCookie(databaseUrl, { ...account, password: "bench-password-1" }));
  }
  const emails = cookies.map((_, i) => saverEmail(i));
  const { rows } = await client.query<{ id: string; email: string }>("SELECT id, email FROM users WHERE email = ANY($1)", [emails]);
  const ids = emails.map((email) => rows.find((row) => row.email === email)!.id);
  await removeSaversWork(client, ids);
  return ids.map((id, i) => ({ id, cookie: cookies[i] }));
}

async function removeSaversWork(client: pg.Client, ids: string[]) {
  await client.query("DELETE FROM annotations WHERE annotator_id = ANY($1)", [ids]);
  await client.query("DELETE FROM annotation_audit WHERE actor_id = ANY($1)", [ids]);
}

function httpSaver(base: string, annotators: { cookie: string }[], targets: Target[]) {
  const cursor = annotators.map(() => 0);
  const next = random(7);
  return {
    once: async (worker: number): Promise<true | string> => {
      const target = targets[worker * TARGETS_PER_ANNOTATOR + (cursor[worker]++ % TARGETS_PER_ANNOTATOR)];
      const response = await fetch(`${base}/api/transcripts/${target.transcriptId}/annotation`, {
        method: "PUT",
        // As the panel sends it: a cookie-authenticated change names its origin (lib/server/origin.ts).
        headers: { "content-type": "application/json", cookie: annotators[worker].cookie, origin: base },
        body: JSON.stringify({ ...payload(target, next), expectedVersion: target.version }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) return `HTTP ${response.status}: ${body.message ?? ""}`;
      target.version = body.version;
      return true;
    },
  };
}

async function runBaseline(databaseUrl: string, annotatorIds: string[], targets: Target[]): Promise<Stats> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const cursor = annotatorIds.map(() => 0);
  const next = random(11);
  try {
    return await runLoops(
      ANNOTATORS,
      BASELINE_SECONDS,
      async (worker) => {
        const target = targets[worker * TARGETS_PER_ANNOTATOR + (cursor[worker]++ % TARGETS_PER_ANNOTATOR)];
        const values = saveParameters({
          ...payload(target, next),
          transcriptId: target.transcriptId,
          annotatorId: annotatorIds[worker],
          expectedVersion: target.version,
        });
        const { rows } = await pool.query({ name: SAVE_STATEMENT, text: SAVE_SQL, values });
        if (rows[0].version === null) return `conflict on ${target.transcriptId}`;
        target.version = rows[0].version;
        return true;
      },
      think(3),
    );
  } finally {
    await pool.end();
  }
}

function print(app: Stats, saturated: Stats, baseline: Stats, size: number, machine: { serverCpuMs: number | null; load: number[] }) {
  const round = (value: number) => Math.round(value * 100) / 100;
  report({
    name: "annotation.save_p95",
    value: app.p95,
    unit: "ms",
    baseline: baseline.p95,
    ratio: app.p95 / baseline.p95,
    p50: round(app.p50),
    p99: round(app.p99),
    errors: app.errors,
    saves: app.count,
    rps: round(app.rps),
    annotators: ANNOTATORS,
    seconds: SECONDS,
    think_ms: THINK_MS,
    saturated_p50: round(saturated.p50),
    saturated_p95: round(saturated.p95),
    saturated_rps: round(saturated.rps),
    saturated_errors: saturated.errors,
    server_cpu_ms_per_save: machine.serverCpuMs === null ? null : round(machine.serverCpuMs),
    load_average_1m: machine.load.map(round),
    cpus: os.cpus().length,
    baseline_p50: round(baseline.p50),
    baseline_rps: round(baseline.rps),
    size,
    ...(app.errorSamples.length && { error_samples: app.errorSamples }),
  });
}
