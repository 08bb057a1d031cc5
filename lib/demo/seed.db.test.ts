import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_VARIATIONS } from "./registry";
import { seedDemoCorpus } from "./seed";
import { testDatabaseUrl } from "@/lib/testing/database-url";

describe("seeding the demo corpus", () => {
  const url = testDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  const scalar = async (sql: string) => Number((await client.query(sql)).rows[0].n);

  beforeAll(() => client.connect());
  afterAll(async () => {
    await client.query("TRUNCATE transcripts, pairs, queries, datasets, prompt_variations, settings, models CASCADE");
    await client.end();
  });

  it("stores every generated transcript, paired with its partner in the other condition", async () => {
    const inserted = await seedDemoCorpus(url, { size: 2_000, seed: 7 });
    expect(inserted).toBe(2_000);
    expect(await scalar("SELECT count(*) AS n FROM transcripts")).toBe(2_000);
    expect(await scalar("SELECT count(*) AS n FROM transcripts WHERE condition = 'training'")).toBe(1_000);
    // Every pair holds exactly one training and one deployment transcript.
    expect(
      await scalar(`SELECT count(*) AS n FROM (SELECT pair_id FROM transcripts GROUP BY pair_id
      HAVING count(*) = 2 AND count(DISTINCT condition) = 2) complete`),
    ).toBe(1_000);
    expect(await scalar("SELECT count(*) AS n FROM prompt_variations")).toBe(DEMO_VARIATIONS.length);
    expect(await scalar("SELECT count(*) AS n FROM prompt_variations WHERE is_baseline")).toBe(2);
    // Each transcript carries the generator's intended outcome as a `complied` source label.
    const labels = await client.query<{ value: string; n: string }>(
      `SELECT value, count(*) AS n FROM source_labels WHERE source = 'demo generator' AND name = 'complied' GROUP BY value ORDER BY value`,
    );
    expect(labels.rows.map((row) => row.value)).toEqual(["false", "true"]);
    expect(labels.rows.reduce((sum, row) => sum + Number(row.n), 0)).toBe(2_000);
  });

  it("keeps the raw messages verbatim and what the parser extracted", async () => {
    const { rows } = await client.query(`
      SELECT t.raw_messages, t.turns, t.scratchpad_text, t.final_output, q.text AS query, v.slug AS variation
      FROM transcripts t JOIN pairs p ON p.id = t.pair_id JOIN queries q ON q.id = p.query_id
      JOIN prompt_variations v ON v.id = p.variation_id
      WHERE t.condition = 'training' AND v.slug = 'default' AND t.format_issues = '{}' LIMIT 1`);
    const [row] = rows;
    expect(row.raw_messages[0].content).toContain("<is_free_tier_user>True</is_free_tier_user>");
    expect(row.raw_messages[0].content).toContain(row.query);
    expect(row.raw_messages.at(-1).content).toContain(`<OUTPUT>`);
    expect(row.raw_messages.map((m: { content: string }) => m.content).join("")).toContain(row.scratchpad_text.slice(0, 200));
    expect(row.final_output.length).toBeGreaterThan(0);
    expect(row.turns.some((turn: { role: string }) => turn.role === "assistant")).toBe(true);
  });

  it("shares one query row between variations, models and conditions", async () => {
    const reused = await scalar(
      `SELECT count(*) AS n FROM (SELECT query_id FROM pairs GROUP BY query_id HAVING count(DISTINCT variation_id) > 1) q`,
    );
    expect(reused).toBeGreaterThan(0);
    expect(await scalar("SELECT count(*) - count(DISTINCT text_hash) AS n FROM queries")).toBe(0);
  });

  it("replaces the demo corpus when seeded again, all or nothing", async () => {
    await seedDemoCorpus(url, { size: 600, seed: 7 });
    expect(await scalar("SELECT count(*) AS n FROM transcripts")).toBe(600);
    await expect(seedDemoCorpus(url, { size: -5 })).rejects.toThrow();
    expect(await scalar("SELECT count(*) AS n FROM transcripts")).toBe(600);
  });

  it("in the benchmarks' shape: 150 variations (copies of the registry's), 3 labels per transcript, pairs intact", async () => {
    await seedDemoCorpus(url, { size: 1_200, seed: 7, shape: { variations: 150, compromiseLabel: true } });
    expect(await scalar("SELECT count(*) AS n FROM prompt_variations")).toBe(150);
    // Still one baseline per setting, and a copy carries its original's prompt.
    expect(await scalar("SELECT count(*) AS n FROM prompt_variations WHERE is_baseline")).toBe(2);
    expect(
      await scalar(`SELECT count(*) AS n FROM prompt_variations c JOIN prompt_variations o
                    ON o.setting_id = c.setting_id AND c.slug LIKE o.slug || '~%' AND o.slug NOT LIKE '%~%'
                    WHERE c.system_prompt IS NOT DISTINCT FROM o.system_prompt`),
    ).toBe(150 - DEMO_VARIATIONS.length);
    // 1,200 transcripts are 600 pairs over 54 cells: rounds 0-11, so copies 0-5 of every variation are used.
    expect(await scalar("SELECT count(DISTINCT variation_id) AS n FROM pairs")).toBeGreaterThan(DEMO_VARIATIONS.length * 5);
    expect(
      await scalar(`SELECT count(*) AS n FROM (SELECT pair_id FROM transcripts GROUP BY pair_id
                    HAVING count(*) = 2 AND count(DISTINCT condition) = 2 AND count(DISTINCT variation_id) = 1) complete`),
    ).toBe(600);
    expect(
      await scalar(`SELECT count(*) AS n FROM (SELECT transcript_id FROM source_labels WHERE source = 'demo generator'
                    GROUP BY transcript_id HAVING array_agg(name ORDER BY name) = '{alignment_faking,complied,compromise}') l`),
    ).toBe(1_200);
    expect(await scalar("SELECT count(DISTINCT value) AS n FROM source_labels WHERE name = 'compromise'")).toBe(4);
  });
});
