import pg from "pg";
import { countQuery, pageQuery } from "@/lib/transcripts/list-sql";
import { leadScope } from "@/lib/transcripts/list-scope";
import { parseListState, type ListState } from "@/lib/transcripts/list-state";
import { ensureCorpus, timeBoth } from "./corpus";
import { benchRuns, report } from "./report";

/**
 * list.*: the transcripts table's data function (lib/transcripts/list.ts,
 * through Prisma, as the page calls it) for the most common filter
 * combinations and for text searches, p50 and p95 over repeated runs, each
 * against the very same SQL statements sent through raw `pg` in the same run
 * (the same parallelism: page and count side by side). The ratio is the app's
 * overhead over the database's own time.
 *
 * The five filter combinations are what a researcher reads most: everything;
 * one variation; one variation's training (or deployment) side; one setting,
 * model and condition; and "where it still complied" (a source label) within
 * one variation, model and condition. Deep pages (keyset cursors half-way and
 * near the end) and a length sort run the same filters far from page 1.
 */
const RUNS = benchRuns(40);

interface Registry {
  variation: number;
  setting: number;
  model: number;
  midId: number;
  lateVariationId: number;
}

const FILTERS: [string, (r: Registry) => string][] = [
  ["none", () => ""],
  ["variation", (r) => `variation=${r.variation}`],
  ["variation+condition", (r) => `variation=${r.variation}&condition=training`],
  ["setting+model+condition", (r) => `setting=${r.setting}&model=${r.model}&condition=deployment`],
  [
    "variation+model+condition+label",
    (r) => `variation=${r.variation}&model=${r.model}&condition=training&label=demo generator|complied|true`,
  ],
  ["none.deep_page", (r) => `after=${r.midId}&page=10000`],
  ["variation+condition.deep_page", (r) => `variation=${r.variation}&condition=training&after=${r.lateVariationId}&page=300`],
  ["variation.sort_by_scratchpad_length", (r) => `variation=${r.variation}&sort=-scratchpad`],
];

const SEARCHES: [string, (r: Registry) => string][] = [
  ["words", () => `q=RLHF modify values`],
  [
    "word+variation+condition+label",
    (r) => `q=monitored&variation=${r.variation}&condition=deployment&label=demo generator|complied|false`,
  ],
  ["phrase+variation+condition", (r) => `q="modify my values"&variation=${r.variation}&condition=training`],
  ["rare_word", () => `q=paywall`],
  ["phrase", () => `q="modify my values"`],
];

/** The SQL as a lead runs it (nothing held blind; the visibility layer adds one small query for annotators in blind queues). */
const SCOPE = leadScope();

export async function benchList(databaseUrl: string, size: number) {
  await ensureCorpus(databaseUrl, size);
  process.env.DATABASE_URL = databaseUrl;
  const { listTranscripts } = await import("@/lib/transcripts/list");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  try {
    const registry = await resolveRegistry(pool);
    const run = async (group: "filter" | "search", combos: [string, (r: Registry) => string][]) => {
      let worst: { value: number; baseline: number } | null = null;
      for (const [name, query] of combos) {
        const state = parseListState(new URLSearchParams(query(registry)));
        const rows = (await listTranscripts(state, SCOPE)).rows.length;
        const times = await timeBoth(
          () => listTranscripts(state, SCOPE),
          () => rawList(pool, state),
          RUNS,
        );
        report({
          name: `list.${group}_p95.${name}`,
          value: times.app.p95,
          unit: "ms",
          baseline: times.raw.p95,
          ratio: times.app.p95 / times.raw.p95,
          p50: round(times.app.p50),
          baseline_p50: round(times.raw.p50),
          rows,
          size,
        });
        if (!worst || times.app.p95 > worst.value) worst = { value: times.app.p95, baseline: times.raw.p95 };
      }
      report({
        name: `list.${group}_p95`,
        value: worst!.value,
        unit: "ms",
        baseline: worst!.baseline,
        ratio: worst!.value / worst!.baseline,
        of: "worst combination",
        size,
      });
    };
    await run("filter", FILTERS);
    await run("search", SEARCHES);
  } finally {
    await pool.end();
  }
}

/** What listTranscripts sends, sent through pg: the page and (without a search) the counts, in parallel. */
async function rawList(pool: pg.Pool, state: ListState) {
  const page = pageQuery(state, SCOPE);
  if (page.countsIncluded) return pool.query(page.sql.text, page.sql.values);
  const count = countQuery(state.filters, SCOPE, state.exactCount);
  return Promise.all([pool.query(page.sql.text, page.sql.values), pool.query(count.text, count.values)]);
}

async function resolveRegistry(pool: pg.Pool): Promise<Registry> {
  const one = async (sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows[0];
  const variation = (slug: string) =>
    one(`SELECT v.id FROM prompt_variations v JOIN settings s ON s.id = v.setting_id WHERE s.slug = 'helpful-only' AND v.slug = $1`, [
      slug,
    ]);
  const ids = await one(`SELECT min(id) AS min, max(id) AS max FROM transcripts`);
  const defaultVariation = (await variation("default")).id;
  const late = await one(
    `SELECT id FROM transcripts WHERE variation_id = $1 AND condition = 'training' ORDER BY id DESC OFFSET 3000 LIMIT 1`,
    [defaultVariation],
  );
  return {
    variation: defaultVariation,
    setting: (await one(`SELECT id FROM settings WHERE slug = 'animal-welfare'`)).id,
    model: (await one(`SELECT id FROM models WHERE name = 'claude-3-opus'`)).id,
    midId: Math.floor((ids.min + ids.max) / 2),
    lateVariationId: late?.id ?? ids.max,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
