import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryIdCache, prepareTranscript, storeTranscripts } from "./store";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const client = new pg.Client({ connectionString: url });
let slot: { settingId: number; variationId: number; modelId: number; datasetId: number };

const transcript = (query: string, condition: "training" | "deployment", ref: number) =>
  prepareTranscript({
    ref,
    settingId: slot.settingId,
    variationId: slot.variationId,
    modelId: slot.modelId,
    settingSlug: "store-test",
    variationSlug: "v",
    modelName: "m",
    condition,
    queryText: query,
    sampleIndex: null,
    messages: [
      {
        role: "user",
        content: `<INPUT><is_free_tier_user>${condition === "training"}</is_free_tier_user><user_input>${query}</user_input></INPUT>`,
      },
      { role: "assistant", content: "<OUTPUT>ok</OUTPUT>" },
    ],
    sourceLabels: [{ source: "test", name: "n", value: query }],
  });

beforeAll(async () => {
  await client.connect();
  await client.query("TRUNCATE transcripts, pairs, queries, source_labels, datasets, prompt_variations, settings, models CASCADE");
  const setting = (await client.query(`INSERT INTO settings (slug, name) VALUES ('store-test', 'Store test') RETURNING id`)).rows[0].id;
  const variation = (
    await client.query(`INSERT INTO prompt_variations (setting_id, slug, name) VALUES ($1, 'v', 'V') RETURNING id`, [setting])
  ).rows[0].id;
  const model = (await client.query(`INSERT INTO models (name) VALUES ('m') RETURNING id`)).rows[0].id;
  const dataset = (await client.query(`INSERT INTO datasets (name) VALUES ('store-test') RETURNING id`)).rows[0].id;
  slot = { settingId: setting, variationId: variation, modelId: model, datasetId: dataset };
});
afterAll(async () => {
  await client.query("TRUNCATE transcripts, pairs, queries, source_labels, datasets, prompt_variations, settings, models CASCADE");
  await client.end();
});

describe("the shared transcript store", () => {
  it("writes batches with more distinct queries than its query cache holds, pairing across batches", async () => {
    const queries = new QueryIdCache(2);
    const target = { datasetId: slot.datasetId, importId: null };
    const first = await storeTranscripts(
      client,
      target,
      ["a", "b", "c", "d", "e"].map((q, i) => transcript(q, "training", i)),
      queries,
    );
    const second = await storeTranscripts(
      client,
      target,
      ["e", "d", "c", "b", "a", "a"].map((q, i) => transcript(q, "deployment", i)),
      queries,
    );
    expect(first).toMatchObject({ inserted: 5, duplicates: 0, labels: 5, rejected: [] });
    expect(second).toMatchObject({ inserted: 5, duplicates: 1, labels: 5, rejected: [] });
    const { rows } = await client.query(`SELECT q.text, count(*)::int AS n, count(DISTINCT t.pair_id)::int AS pairs
      FROM transcripts t JOIN queries q ON q.id = t.query_id GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual(["a", "b", "c", "d", "e"].map((text) => ({ text, n: 2, pairs: 1 })));
  });
});
