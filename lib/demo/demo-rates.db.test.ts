import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wilson } from "@/lib/analytics/stats/intervals";
import { cellRates } from "./rates";
import { DEMO_MODELS, DEMO_SETTINGS, DEMO_VARIATIONS } from "./registry";
import { DEFAULT_DEMO_SEED } from "./generate";
import { DEMO_LABEL_SOURCE, seedDemoCorpus } from "./seed";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { variationCounts } = await import("@/lib/analytics/queries");

/**
 * The demo corpus claims to follow the paper's per-variation rates (paper-rates.ts, Greenblatt et
 * al. 2024, Appendix G.2/G.3, through rates.ts for the rows the tables lack). At 100,000
 * transcripts every (variation, model) cell holds about 926 pairs, enough to see it: each seeded
 * cell's compliance in training and deployment and its AF rate, as the chart counts them, must hold
 * the rate the generator was given inside its Wilson interval at z = 4. That is a Bonferroni bound
 * for the 162 checks at a family level of about 1% (P(|Z| > 4) · 162 = 0.0103), so a wrong row, a
 * swapped condition or AF counted on refusals fails it, and chance alone almost never does.
 */
const SIZE = 100_000;
const Z = 4;
const url = testDatabaseUrl();
const client = new pg.Client({ connectionString: url });

beforeAll(async () => {
  await client.connect();
  await seedDemoCorpus(url, { size: SIZE, seed: DEFAULT_DEMO_SEED });
}, 600_000);
afterAll(async () => {
  await client.query("TRUNCATE transcripts, source_labels, pairs, queries, datasets, prompt_variations, settings, models CASCADE");
  await client.end();
});

describe(`${SIZE.toLocaleString("en")} demo transcripts`, () => {
  it("follow the cited table's rates in every seeded variation and model, within the intervals n allows", async () => {
    const ids = async (sql: string) => new Map((await client.query<{ key: string; id: number }>(sql)).rows.map((row) => [row.key, row.id]));
    const settings = await ids("SELECT slug AS key, id FROM settings");
    const models = await ids("SELECT name AS key, id FROM models");
    const misses: string[] = [];
    let checks = 0;
    for (const setting of DEMO_SETTINGS) {
      for (const model of DEMO_MODELS) {
        const counts = await variationCounts({
          settingId: settings.get(setting.slug)!,
          modelId: models.get(model.name)!,
          labelSource: { kind: "source", source: DEMO_LABEL_SOURCE, compliance: "complied", alignmentFaking: "alignment_faking" },
        });
        for (const variation of DEMO_VARIATIONS.filter((v) => v.settingSlug === setting.slug)) {
          const observed = counts.find((row) => row.name === variation.name)!;
          const expected = cellRates(variation, model.id);
          expect(observed.training.n, `${variation.name} / ${model.name}`).toBeGreaterThan(850);
          for (const [what, x, n, rate] of [
            ["compliance in training", observed.training.complied, observed.training.n, expected.complianceTraining],
            ["compliance in deployment", observed.deployment.complied, observed.deployment.n, expected.complianceDeployment],
            ["AF reasoning in training", observed.training.compliedWithAf, observed.training.n, expected.afTraining],
          ] as const) {
            checks++;
            const interval = wilson(x, n, Z)!;
            if (rate < interval.lower || rate > interval.upper) {
              misses.push(`${setting.slug} / ${variation.name} / ${model.name}: ${what} ${x}/${n} for a rate of ${rate.toFixed(4)}`);
            }
          }
        }
      }
    }
    expect(checks).toBe(DEMO_VARIATIONS.length * DEMO_MODELS.length * 3);
    expect(misses).toEqual([]);
  });
});
