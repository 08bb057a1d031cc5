import pg from "pg";
import { DEMO_DATASET, DEMO_LABEL_SOURCE, seedDemoCorpus } from "@/lib/demo/seed";
import { DEMO_SETTINGS } from "@/lib/demo/registry";

/**
 * The shape issue 17 asks of the benchmarks' corpus: 150 prompt variations (copies of the demo's 27, see
 * lib/demo/variation-copies.ts) and 3 imported labels per transcript (complied, alignment_faking, compromise):
 * at 1,000,000 transcripts, 3,000,000 labels. bench/annotation.ts reseeds in the same shape.
 */
export const CORPUS_SHAPE = { variations: 150, compromiseLabel: true } as const;

/**
 * The corpus the read benchmarks run on: `size` demo transcripts (seeded once
 * per bench database, shared by list and pair), then VACUUM ANALYZE, the steady
 * state autovacuum reaches on its own after a bulk load (visibility map set,
 * statistics current), so that the first benchmark does not pay for it.
 */
export async function ensureCorpus(databaseUrl: string, size: number) {
  // Only the demo dataset is the corpus: other benchmarks add their own datasets beside it
  // (charts: a 150-variation setting), which must not make a kept corpus look wrong.
  const { transcripts: kept, variations, compromiseLabels } = await keptShape(databaseUrl);
  const misshapen =
    kept === size && (variations !== CORPUS_SHAPE.variations || !compromiseLabels)
      ? `corpus: reseeding, because the kept ${kept.toLocaleString("en")} demo transcripts have ${variations} variations` +
        ` and ${compromiseLabels ? "3" : "2"} labels each, the benchmarks' corpus ${CORPUS_SHAPE.variations} and 3\n`
      : null;
  if (kept === size && !misshapen) {
    process.stderr.write(`corpus: reusing the kept ${size.toLocaleString("en")} demo transcripts\n`);
  } else {
    process.stderr.write(
      misshapen ??
        (kept === 0
          ? `corpus: seeding ${size.toLocaleString("en")} demo transcripts (the database has none)\n`
          : `corpus: reseeding, because the kept database has ${kept.toLocaleString("en")} demo transcripts and --size asks for ${size.toLocaleString("en")}\n`),
    );
    const started = performance.now();
    const progress = (done: number) => process.stderr.write(`\rseeding ${done.toLocaleString("en")} / ${size.toLocaleString("en")}`);
    await seedDemoCorpus(databaseUrl, { size, onProgress: progress, shape: CORPUS_SHAPE });
    process.stderr.write(`\nseeded in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  // Also after a corpus seeded by another benchmark (seed); a no-op in seconds once done.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

/** The kept demo corpus: its transcripts, the variations registered in the demo's settings, whether it has the third label. */
async function keptShape(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string; variations: string; compromise: boolean }>(
      `SELECT (SELECT count(*) FROM transcripts t JOIN datasets d ON d.id = t.dataset_id WHERE d.name = $1) AS n,
              (SELECT count(*) FROM prompt_variations v JOIN settings s ON s.id = v.setting_id WHERE s.slug = ANY($2)) AS variations,
              EXISTS (SELECT 1 FROM source_labels WHERE source = $3 AND name = 'compromise') AS compromise`,
      [DEMO_DATASET, DEMO_SETTINGS.map((setting) => setting.slug), DEMO_LABEL_SOURCE],
    );
    return { transcripts: Number(rows[0].n), variations: Number(rows[0].variations), compromiseLabels: rows[0].compromise };
  } finally {
    await client.end();
  }
}

/** p-th percentile (0-100) of `samples`, nearest rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Times `app` and `raw` alternately (`runs` each, after `warmup` each), so
 * that both see the same caches and the same background load.
 */
export async function timeBoth(app: () => Promise<unknown>, raw: () => Promise<unknown>, runs: number, warmup = 3) {
  for (let i = 0; i < warmup; i++) {
    await app();
    await raw();
  }
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, times] of i % 2
      ? ([
          [raw, rawTimes],
          [app, appTimes],
        ] as const)
      : ([
          [app, appTimes],
          [raw, rawTimes],
        ] as const)) {
      const started = performance.now();
      await fn();
      times.push(performance.now() - started);
    }
  }
  return {
    app: { p50: percentile(appTimes, 50), p95: percentile(appTimes, 95) },
    raw: { p50: percentile(rawTimes, 50), p95: percentile(rawTimes, 95) },
  };
}
