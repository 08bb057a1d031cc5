import pg from "pg";
import { refreshLabelSignatures } from "@/lib/analytics/label-signatures";
import { toVariationCounts, variationCountsLiveSql, variationCountsSql, type CountsRow } from "@/lib/analytics/variation-counts-sql";
import { prepareStatistics } from "@/lib/analytics/variation-statistics";
import { benchRuns, report } from "./report";

const VARIATIONS = 150;
const LABELS_PER_TRANSCRIPT = 3;
const RUNS = benchRuns(15);

/**
 * charts.all_variations: the variation chart of one setting with 150 prompt
 * variations over `size` transcripts and 3 labels each (1,000,000 and
 * 3,000,000 at the size): the app's query (sums of the precomputed
 * label signatures) plus the pure preparation of every series, interval
 * (plain and clustered), exact test and adjusted p-value,
 * against the same counts aggregated from the labels themselves, both through pg.
 * charts.refresh: rebuilding the signatures of all 150 variations, as an import touching them all would.
 */
export async function benchCharts(databaseUrl: string, size: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const settingId = await buildSyntheticSetting(client, size);
    const filter = {
      settingId,
      labelSource: { kind: "source" as const, source: "bench judge", compliance: "complied", alignmentFaking: "alignment_faking" },
    };
    const sql = variationCountsSql(filter);
    const live = variationCountsLiveSql(filter);

    const refreshStarted = performance.now();
    await client.query("BEGIN");
    const variationIds = (await client.query("SELECT id FROM prompt_variations WHERE setting_id = $1", [settingId])).rows.map(
      (row) => row.id,
    );
    await refreshLabelSignatures(client, variationIds);
    await client.query("COMMIT");
    const refreshSeconds = (performance.now() - refreshStarted) / 1000;
    await client.query("ANALYZE label_signatures");

    const raw = await timeRuns(async () => client.query(live.text, live.values));
    const app = await timeRuns(async () =>
      prepareStatistics((await client.query<CountsRow>(sql.text, sql.values)).rows.map(toVariationCounts), { alpha: 0.05, flag: "bh" }),
    );
    report({
      name: "charts.all_variations",
      value: app.p50,
      unit: "ms",
      baseline: raw.p50,
      ratio: app.p50 / raw.p50,
      p95: app.p95,
      variations: VARIATIONS,
      transcripts: size,
      labels: size * LABELS_PER_TRANSCRIPT,
    });
    report({
      name: "charts.refresh",
      value: refreshSeconds,
      unit: "s",
      baseline: null,
      ratio: null,
      variations: VARIATIONS,
      transcripts: size,
    });
  } finally {
    await client.end();
  }
}

async function timeRuns(run: () => Promise<unknown>) {
  await run(); // warm caches and connections
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS / 2)], p95: times[Math.ceil(RUNS * 0.95) - 1] };
}

/** A setting of 150 variations, `size` paired transcripts and their labels, built in SQL. */
async function buildSyntheticSetting(client: pg.Client, size: number): Promise<number> {
  const pairs = Math.floor(size / 2);
  const queries = Math.ceil(pairs / VARIATIONS);
  const kept = await keptSyntheticSetting(client, pairs * 2);
  if (kept !== null) return kept;
  await client.query("BEGIN");
  const settingId = (await client.query("INSERT INTO settings (slug, name) VALUES ('bench-charts', 'Bench (150 variations)') RETURNING id"))
    .rows[0].id;
  await client.query(
    `INSERT INTO prompt_variations (setting_id, slug, name, is_baseline, position)
     SELECT $1, 'v' || i, 'Variation ' || i, i = 0, i FROM generate_series(0, $2 - 1) i`,
    [settingId, VARIATIONS],
  );
  const modelId = (
    await client.query(
      "INSERT INTO models (name) VALUES ('bench-model') ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
  ).rows[0].id;
  const datasetId = (await client.query("INSERT INTO datasets (name) VALUES ('bench-charts') RETURNING id")).rows[0].id;
  const firstQuery = (
    await client.query(
      `INSERT INTO queries (text, text_hash) SELECT 'bench query ' || i, md5('bench query ' || i) FROM generate_series(1, $1) i RETURNING id`,
      [queries],
    )
  ).rows[0].id;
  await client.query(
    `INSERT INTO pairs (variation_id, model_id, query_id)
     SELECT v.id, $2, $3 + (p / $4) FROM generate_series(0, $1 - 1) p
     JOIN prompt_variations v ON v.setting_id = $5 AND v.position = p % $4`,
    [pairs, modelId, firstQuery, VARIATIONS, settingId],
  );
  await client.query(
    `INSERT INTO transcripts (pair_id, dataset_id, condition, raw_messages, turns, content_hash, setting_id, variation_id, model_id, query_id)
     SELECT p.id, $1, c::"Condition", '[]', '[]', md5(p.id || c), $2, p.variation_id, p.model_id, p.query_id
     FROM pairs p JOIN prompt_variations v ON v.id = p.variation_id AND v.setting_id = $2, unnest(ARRAY['training', 'deployment']) c`,
    [datasetId, settingId],
  );
  await client.query(
    `INSERT INTO source_labels (transcript_id, source, name, value)
     SELECT t.id, 'bench judge', l.name,
            CASE l.name WHEN 'complied' THEN (hashtext(t.id || 'c') % 100 < CASE WHEN t.condition = 'training' THEN 15 ELSE 4 END)::text
                        WHEN 'alignment_faking' THEN (hashtext(t.id || 'a') % 100 < 10)::text
                        ELSE (1 + abs(hashtext(t.id || 'k')) % 4)::text END
     FROM transcripts t, unnest(ARRAY['complied', 'alignment_faking', 'compromise']) l(name)
     WHERE t.setting_id = $1`,
    [settingId],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
  return settingId;
}

/**
 * With --keep, the setting an earlier run built: reused when it has the size asked for,
 * otherwise removed (saying why) so that it is rebuilt. It lives in its own dataset, beside
 * the demo corpus the other benchmarks read (bench/corpus.ts counts only the demo's).
 */
async function keptSyntheticSetting(client: pg.Client, transcripts: number): Promise<number | null> {
  const { rows } = await client.query<{ id: number; n: string }>(
    `SELECT s.id, (SELECT count(*) FROM transcripts t WHERE t.setting_id = s.id) AS n FROM settings s WHERE s.slug = 'bench-charts'`,
  );
  if (!rows.length) return null;
  if (Number(rows[0].n) === transcripts) {
    process.stderr.write(`charts: reusing the kept 150-variation setting (${transcripts.toLocaleString("en")} transcripts)\n`);
    return rows[0].id;
  }
  process.stderr.write(
    `charts: rebuilding the 150-variation setting: it has ${Number(rows[0].n).toLocaleString("en")} transcripts, --size asks for ${transcripts.toLocaleString("en")}\n`,
  );
  await client.query("BEGIN");
  await client.query("DELETE FROM transcripts WHERE setting_id = $1", [rows[0].id]);
  await client.query("DELETE FROM pairs p USING prompt_variations v WHERE v.id = p.variation_id AND v.setting_id = $1", [rows[0].id]);
  await client.query("DELETE FROM label_signatures WHERE variation_id IN (SELECT id FROM prompt_variations WHERE setting_id = $1)", [
    rows[0].id,
  ]);
  await client.query("DELETE FROM prompt_variations WHERE setting_id = $1", [rows[0].id]);
  await client.query("DELETE FROM settings WHERE id = $1", [rows[0].id]);
  await client.query("DELETE FROM datasets WHERE name = 'bench-charts'");
  await client.query(
    "DELETE FROM queries q WHERE q.text LIKE 'bench query %' AND NOT EXISTS (SELECT 1 FROM pairs p WHERE p.query_id = q.id)",
  );
  await client.query("COMMIT");
  return null;
}
