import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { createAccount } from "@/lib/auth/accounts";
import { standaloneAuth } from "@/lib/auth/standalone";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { SAVE_SQL, SAVE_STATEMENT, saveParameters } from "@/lib/annotations/save-sql";
import { seedDemoCorpus } from "@/lib/demo/seed";
import { CORPUS_SHAPE } from "./corpus";
import { payload, random, runLoops, type Stats, type Target } from "./annotation-load";
import { report } from "./report";

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
 */
const ANNOTATORS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BASELINE_SECONDS = 10;
const TARGETS_PER_ANNOTATOR = 20;
/** Pause between one annotator's saves: uniform in [min, max] ms (autosave fires 600 ms after a change). */
const THINK_MS: [number, number] = [600, 1200];
const SATURATION_SECONDS = 10;
const SECRET = "bench-secret-bench-secret-bench-secret-0123456789";
const require = createRequire(import.meta.url);

export async function benchAnnotation(databaseUrl: string, size: number) {
  const port = Number(process.env.PORT ?? 3000);
  // In the benchmarks' shape, so that a kept corpus stays reusable by the others (bench/corpus.ts).
  await seedDemoCorpus(databaseUrl, { size, shape: CORPUS_SHAPE });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let server: ChildProcess | undefined;
  try {
    await client.query(`INSERT INTO label_schema_versions (version, labels, note) VALUES (1, $1, 'default') ON CONFLICT DO NOTHING`, [
      JSON.stringify(DEFAULT_LABELS),
    ]);
    const { rows } = await client.query<{ id: number; scratchpad_text: string }>(
      `SELECT id, scratchpad_text FROM transcripts WHERE length(scratchpad_text) > 300 ORDER BY id LIMIT $1`,
      [ANNOTATORS * TARGETS_PER_ANNOTATOR * 2],
    );
    if (rows.length < ANNOTATORS * TARGETS_PER_ANNOTATOR * 2)
      throw new Error(`--size ${size} gives too few transcripts with a scratchpad; use a larger size.`);
    const targets = rows.map((row): Target => ({ transcriptId: row.id, scratchpad: row.scratchpad_text, version: 0 }));
    const appTargets = targets.slice(0, ANNOTATORS * TARGETS_PER_ANNOTATOR);
    const baselineTargets = targets.slice(ANNOTATORS * TARGETS_PER_ANNOTATOR);

    const annotators = await createAnnotators(databaseUrl);
    console.error("Building the production app…");
    const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
    server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(port)], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: SECRET },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base);

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
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
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

async function createAnnotators(databaseUrl: string) {
  const { auth, close } = standaloneAuth(databaseUrl, SECRET);
  try {
    const annotators: { id: string; cookie: string }[] = [];
    for (let i = 0; i < ANNOTATORS; i++) {
      const email = `bench-annotator-${i}@bench.test`;
      const user = await createAccount(auth, { email, name: `Bench annotator ${i}`, role: "annotator", password: "bench-password-1" });
      // A real session, signed in through better-auth; its cookie goes with every request.
      const { headers } = await auth.api.signInEmail({ body: { email, password: "bench-password-1" }, returnHeaders: true });
      const cookie = headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      annotators.push({ id: user.id, cookie });
    }
    return annotators;
  } finally {
    await close();
  }
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

async function waitForServer(base: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The production server did not start within 60 s.");
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
