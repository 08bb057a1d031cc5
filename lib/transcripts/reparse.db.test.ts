import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFixtureTranscript } from "@/lib/testing/insert-transcript";
import { reparseStoredTranscripts } from "./reparse";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const client = new pg.Client({ connectionString: url });
const TABLES = "transcripts, source_labels, pairs, queries, datasets, prompt_variations, settings, models";

beforeAll(async () => {
  await client.connect();
  await client.query(`TRUNCATE ${TABLES} CASCADE`);
});
afterAll(async () => {
  await client.query(`TRUNCATE ${TABLES} CASCADE`);
  await client.end();
});

describe("re-parsing stored transcripts", () => {
  it("puts the untagged text of transcripts stored by the old parser into their answer, searchable, and never moves a scratchpad", async () => {
    const fixture = (query: string, answer: string) => ({
      dataset: "old-import",
      setting: "s",
      variation: "v",
      model: "deepseek-r1",
      condition: "training" as const,
      userInput: query,
      messages: [
        { role: "user", content: `<INPUT><is_free_tier_user>True</is_free_tier_user><user_input>${query}</user_input></INPUT>` },
        { role: "assistant", content: answer },
      ],
    });
    const { id } = await insertFixtureTranscript(
      client,
      fixture("q1", "Thinking.</think>\n<request_fully_accepted/>\n<OUTPUT>Sure.</OUTPUT>"),
    );
    // As the old parser stored it: the answer without the untagged text, no issue about it.
    await client.query(`UPDATE transcripts SET final_output = 'Sure.', format_issues = '{orphan_think_close}' WHERE id = $1`, [id]);
    const searchFinds = async () =>
      Number(
        (
          await client.query(
            `SELECT count(*) AS n FROM transcripts WHERE id = $1 AND search_vector @@ websearch_to_tsquery('english', 'request_fully_accepted')`,
            [id],
          )
        ).rows[0].n,
      );
    expect(await searchFinds()).toBe(0);
    const { id: spanned } = await insertFixtureTranscript(
      client,
      fixture("q2", "<SCRATCHPAD_REASONING>a</SCRATCHPAD_REASONING><OUTPUT>b</OUTPUT>"),
    );
    await client.query(`UPDATE transcripts SET scratchpad_text = 'an older scratchpad text' WHERE id = $1`, [spanned]);

    expect(await reparseStoredTranscripts(client)).toEqual({ read: 2, updated: 1, keptScratchpad: 1 });
    const [row] = (await client.query(`SELECT final_output, format_issues, scratchpad_text FROM transcripts WHERE id = $1`, [id])).rows;
    expect(row).toEqual({
      final_output: "<request_fully_accepted/>\n\nSure.",
      format_issues: ["orphan_think_close", "untagged_text_before_output"],
      scratchpad_text: "Thinking.",
    });
    expect(await searchFinds()).toBe(1);
    expect((await client.query(`SELECT scratchpad_text FROM transcripts WHERE id = $1`, [spanned])).rows[0].scratchpad_text).toBe(
      "an older scratchpad text",
    );
    // Run again: nothing left to do.
    expect(await reparseStoredTranscripts(client)).toEqual({ read: 2, updated: 0, keptScratchpad: 1 });
  });
});
