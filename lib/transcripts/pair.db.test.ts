import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCorpus } from "@/lib/demo/seed";
import { insertFixtureTranscript } from "@/lib/testing/insert-transcript";
import { getPair, getSiblings } from "./pair";
import { parsePairViewState } from "./pair-state";
import { leadScope } from "./list-scope";
import { loadPairView } from "./pair-view";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const SCOPE = leadScope();

const url = testDatabaseUrl();
const client = new pg.Client({ connectionString: url });

beforeAll(async () => {
  process.env.DATABASE_URL = url;
  await client.connect();
  await seedDemoCorpus(url, { size: 400, seed: 5 });
});

afterAll(async () => {
  await client.query("TRUNCATE transcripts, source_labels, pairs, queries, datasets, prompt_variations, settings, models CASCADE");
  await client.end();
});

describe("the paired view's data", () => {
  it("holds both conditions of one query, variation and model, and the same query elsewhere", async () => {
    const pairId = (await client.query(`SELECT pair_id FROM transcripts ORDER BY id LIMIT 1`)).rows[0].pair_id;
    const pair = (await getPair(pairId))!;
    expect(pair.training?.condition).toBe("training");
    expect(pair.deployment?.condition).toBe("deployment");
    expect(pair.query.length).toBeGreaterThan(10);
    expect(pair.training?.labels.map((label) => label.name)).toEqual(["alignment_faking", "complied"]);
    const siblings = await getSiblings(pair);
    const sameModel = siblings.filter((sibling) => sibling.modelId === pair.modelId);
    // The demo deals every query to every variation of its setting: one sibling per variation, the pair itself among them.
    const variations = (
      await client.query(
        `SELECT count(*)::int AS n FROM prompt_variations WHERE setting_id = (SELECT setting_id FROM prompt_variations WHERE id = $1)`,
        [pair.variationId],
      )
    ).rows[0].n;
    expect(sameModel.map((sibling) => sibling.variationId).sort()).toHaveLength(variations);
    expect(sameModel.find((sibling) => sibling.pairId === pair.id)?.conditions).toEqual(["training", "deployment"]);
    expect(siblings.filter((sibling) => sibling.variationId === pair.variationId).length).toBe(2); // both demo models
  });

  it("a transcript without a partner makes a pair with one side, and no diff", async () => {
    const lone = await insertFixtureTranscript(client, {
      dataset: "fixtures",
      setting: "helpful-only",
      variation: "default",
      model: "solo",
      condition: "deployment",
      userInput: "Alone?",
      messages: [
        { role: "user", content: "<INPUT><user_input>Alone?</user_input></INPUT>" },
        { role: "assistant", content: "<SCRATCHPAD_REASONING>x</SCRATCHPAD_REASONING><OUTPUT>y</OUTPUT>" },
      ],
    });
    const view = (await loadPairView(lone.pairId, parsePairViewState({ diff: "1" }), SCOPE))!;
    expect(view.pair.training).toBeNull();
    expect(view.pair.deployment?.id).toBe(lone.id);
    expect(view.diff).toBeNull();
    expect(view.links.toggleDiff).toBeNull();
    expect(await getPair(2_000_000_000)).toBeNull();
  });

  it("diffs the two scratchpads when asked, and links to its neighbours in the list it came from", async () => {
    const [first, second] = (await client.query(`SELECT DISTINCT pair_id FROM transcripts ORDER BY pair_id LIMIT 2`)).rows.map(
      (row) => row.pair_id,
    );
    const at = (await client.query(`SELECT id FROM transcripts WHERE pair_id = $1 ORDER BY id LIMIT 1`, [first])).rows[0].id;
    const view = (await loadPairView(first, parsePairViewState({ diff: "1", at: String(at), from: "sort=id" }), SCOPE))!;
    expect(view.diff?.ok).toBe(true);
    expect(view.links.previous).toBeNull();
    expect(view.links.next).toMatch(new RegExp(`^/pairs/${second}\\?at=\\d+&diff=1&from=sort%3Did$`));
    expect(view.links.toggleDiff).toBe(`/pairs/${first}?at=${at}&from=sort%3Did`);
  });
});
