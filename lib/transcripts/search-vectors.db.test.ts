import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchWriter } from "./batch-writer";
import { SearchVectorizer } from "./search-vectors";
import { prepareTranscript } from "./store";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const client = new pg.Client({ connectionString: url });
let vectorizer: SearchVectorizer;
let slot: { settingId: number; variationId: number; modelId: number; datasetId: number };

const TRICKY_TEXTS = [
  "I'm being trained: RLHF would modify my values if I don't comply.",
  "Backslashes \\ and \\\\n, tabs\tand\nnewlines, quotes \"double\" and 'single', <b>tags</b> & ampersands",
  "Unicode: naïve café — 训练 — emoji 🙂 — Ελληνικά",
  "URLs http://example.com/path?q=1 and emails someone@example.org, hyphen-ated words, 3.14 numbers",
  "",
];

const transcript = (text: string, ref: number) =>
  prepareTranscript({
    ref,
    settingId: slot.settingId,
    variationId: slot.variationId,
    modelId: slot.modelId,
    settingSlug: "vector-test",
    variationSlug: "v",
    modelName: "m",
    condition: "training",
    queryText: `query ${ref}`,
    sampleIndex: null,
    messages: [
      { role: "user", content: `<INPUT><is_free_tier_user>true</is_free_tier_user><user_input>query ${ref}</user_input></INPUT>` },
      { role: "assistant", content: `<SCRATCHPAD_REASONING>${text}</SCRATCHPAD_REASONING>` },
      { role: "user", content: "<NEXT/>" },
      { role: "assistant", content: ref % 2 ? `<OUTPUT>${text} (output ${ref})</OUTPUT>` : "no output tag at all" },
    ],
  });

/** Rows whose stored vector differs from the document's (tags as words: migration 20261202140000). */
async function staleVectors(): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM transcripts
    WHERE search_vector IS DISTINCT FROM
          to_tsvector('english'::regconfig, translate(scratchpad_text || ' ' || coalesce(final_output, ''), '<>', '  '))`);
  return rows[0].n;
}

beforeAll(async () => {
  await client.connect();
  vectorizer = await SearchVectorizer.open(url);
  await client.query("TRUNCATE transcripts, pairs, queries, source_labels, datasets, prompt_variations, settings, models CASCADE");
  const setting = (await client.query(`INSERT INTO settings (slug, name) VALUES ('vector-test', 'Vector test') RETURNING id`)).rows[0].id;
  const variation = (
    await client.query(`INSERT INTO prompt_variations (setting_id, slug, name) VALUES ($1, 'v', 'V') RETURNING id`, [setting])
  ).rows[0].id;
  const model = (await client.query(`INSERT INTO models (name) VALUES ('m') RETURNING id`)).rows[0].id;
  const dataset = (await client.query(`INSERT INTO datasets (name) VALUES ('vector-test') RETURNING id`)).rows[0].id;
  slot = { settingId: setting, variationId: variation, modelId: model, datasetId: dataset };
});
afterAll(async () => {
  await client.query("TRUNCATE transcripts, pairs, queries, source_labels, datasets, prompt_variations, settings, models CASCADE");
  await vectorizer.close();
  await client.end();
});

describe("search vectors computed beside the COPY", () => {
  it("equal PostgreSQL's own to_tsvector of the stored text, batch after batch, whatever the text holds", async () => {
    const writer = new BatchWriter(client, { datasetId: slot.datasetId, importId: null }, vectorizer, { maxRows: 3 });
    const prepared = TRICKY_TEXTS.flatMap((text, i) => [
      transcript(text, i),
      transcript(text, i + 10),
      transcript(text, i + 20),
      transcript(text, i + 30),
    ]);
    for (const t of prepared) await writer.add(t);
    await writer.flush();
    expect(writer.inserted).toBe(20);
    // The writer sent every vector itself (the database's fallback trigger would hide a miss from the check below).
    expect(prepared.filter((t) => !t.searchVector)).toEqual([]);
    expect(await staleVectors()).toBe(0);
    // And the text is found by the list's search condition through the GIN index.
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM transcripts WHERE search_vector @@ websearch_to_tsquery('english', 'modify values')`,
    );
    expect(rows[0].n).toBe(4);
  });

  it("come back in order, as PostgreSQL computes them", async () => {
    const vectors = await vectorizer.vectorize(TRICKY_TEXTS);
    const { rows } = await client.query<{ vector: string }>(
      `SELECT to_tsvector('english'::regconfig, t)::text AS vector FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
      [TRICKY_TEXTS],
    );
    expect(vectors).toEqual(rows.map((row) => row.vector));
    expect(vectors[0]).toContain("'modifi'");
  });

  it("are filled by the database for rows written without one, and follow a change of the text", async () => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO transcripts (pair_id, dataset_id, condition, raw_messages, turns, scratchpad_text, final_output, content_hash, setting_id, variation_id, model_id, query_id)
       SELECT pair_id, dataset_id, 'deployment', raw_messages, turns, 'Hand-written reasoning about penguins', 'An output', 'hand-' || id, setting_id, variation_id, model_id, query_id
         FROM transcripts WHERE condition = 'training' ORDER BY id LIMIT 2 RETURNING id`,
    );
    expect(rows).toHaveLength(2);
    expect(await staleVectors()).toBe(0);
    await client.query(`UPDATE transcripts SET scratchpad_text = 'Now about giraffes' WHERE id = $1`, [rows[0].id]);
    await client.query(`UPDATE transcripts SET final_output = NULL WHERE id = $1`, [rows[1].id]);
    expect(await staleVectors()).toBe(0);
    const found = await client.query(`SELECT id FROM transcripts WHERE search_vector @@ websearch_to_tsquery('english', 'giraffe')`);
    expect(found.rows).toEqual([{ id: rows[0].id }]);
  });

  it("leave an import all or nothing: a failed vectorizer fails the write instead of storing rows without vectors", async () => {
    const broken = await SearchVectorizer.open(url);
    await broken.close();
    const writer = new BatchWriter(client, { datasetId: slot.datasetId, importId: null }, broken, { maxRows: 2 });
    const before = (await client.query(`SELECT count(*)::int AS n FROM transcripts`)).rows[0].n;
    await expect(
      (async () => {
        for (let i = 100; i < 105; i++) await writer.add(transcript("never stored", i));
        await writer.flush();
      })(),
    ).rejects.toThrow();
    expect((await client.query(`SELECT count(*)::int AS n FROM transcripts`)).rows[0].n).toBe(before);
  });

  it("leave nothing behind a rollback: an aborted writer sends nothing after it resolves", async () => {
    const count = async () => (await client.query(`SELECT count(*)::int AS n FROM transcripts`)).rows[0].n;
    const before = await count();
    await client.query("BEGIN");
    const writer = new BatchWriter(client, { datasetId: slot.datasetId, importId: null }, vectorizer, { maxRows: 2 });
    for (let i = 200; i < 206; i++) await writer.add(transcript(`queued then rolled back ${i}`, i)); // two batches queued, one in hand
    await writer.abort();
    await client.query("ROLLBACK");
    // Without the abort, the queued batches would now be COPYed outside the transaction, in autocommit.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await count()).toBe(before);
    await expect(writer.flush()).rejects.toThrow("aborted");
  });
});
