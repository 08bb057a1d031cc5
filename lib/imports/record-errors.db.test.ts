import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMapping } from "./mapping";
import { runImport, type ImportRequest } from "./run-import";
import { importTestKit, nativeConversation } from "./test-support";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const kit = importTestKit(url);
const { rows, scalar } = kit;
const importFile = (filePath: string, extra: Partial<ImportRequest> = {}) => runImport(url, { filePath, createdBy: "test", ...extra });
const line = (record: unknown) => JSON.stringify(record) + "\n";

beforeAll(() => kit.start());
afterAll(() => kit.stop());

/** Three good records around every kind of bad line; the 10 MB record is good. */
function messyJsonl() {
  const good = (query: string) => ({ model: "m", setting: "s", variation: "v", transcript: nativeConversation(true, query) });
  return [
    line(good("first")),
    '{"model": "m", "transcript": \n', // 2: bad JSON
    line({ model: "m", tier: "free" }), // 3: no conversation
    line({ model: "m", messages: "hello", tier: "free" }), // 4: wrong type
    Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x0a]), // 5: binary garbage
    line(good("x".repeat(5 * 1024 * 1024))), // 6: a 10 MB line (the query appears twice in the conversation)
    line(good("last")),
  ].map((part) => (typeof part === "string" ? Buffer.from(part) : part));
}

describe("malformed records", () => {
  it("are reported with line, field and reason while the valid records go in", async () => {
    const file = kit.file("messy.jsonl", Buffer.concat(messyJsonl()));
    const summary = await importFile(file);
    expect(summary).toMatchObject({ status: "succeeded", imported: 3, failed: 4 });
    expect(file.length && (await import("node:fs")).statSync(file).size).toBeGreaterThan(10 * 1024 * 1024);
    expect(summary.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^not valid JSON/) },
      { line: 3, field: "messages", message: expect.stringMatching(/^no conversation/) },
      { line: 4, field: "messages", message: expect.stringMatching(/expected array/) },
      { line: 5, message: "not valid UTF-8 text (is this a binary file?)" },
    ]);
    expect(await rows(`SELECT line, field FROM import_errors WHERE import_id = $1 ORDER BY line`, [summary.importId])).toEqual([
      { line: 2, field: null },
      { line: 3, field: "messages" },
      { line: 4, field: "messages" },
      { line: 5, field: null },
    ]);
    expect(
      await scalar(`SELECT max(length(q.text)) FROM transcripts t JOIN queries q ON q.id = t.query_id WHERE t.import_id = $1`, [
        summary.importId,
      ]),
    ).toBe(5 * 1024 * 1024);
  });

  it("reject the whole file in strict mode, listing every error and committing nothing", async () => {
    const file = kit.file(
      "messy-strict.jsonl",
      Buffer.from(
        Buffer.concat(messyJsonl())
          .toString("latin1")
          .replace(/first|last/g, "other"),
        "latin1",
      ),
    );
    const before = await kit.footprint();
    const summary = await importFile(file, { strict: true });
    expect(summary).toMatchObject({
      status: "failed",
      imported: 0,
      failed: 4,
      message: expect.stringMatching(/^Strict mode: 4 record\(s\) have errors/),
    });
    expect(await kit.footprint()).toEqual(before);
    expect(await rows(`SELECT status, strict FROM imports WHERE id = $1`, [summary.importId])).toEqual([
      { status: "failed", strict: true },
    ]);
    expect(await scalar(`SELECT count(*) FROM import_errors WHERE import_id = $1`, [summary.importId])).toBe(4);
  });

  it("an empty file, a binary file and a file with no good record fail as a whole", async () => {
    const before = await kit.footprint();
    expect(await importFile(kit.file("empty.jsonl", ""))).toMatchObject({ status: "failed", message: "The file holds no records." });
    expect(await importFile(kit.file("header-only.csv", "prompt,response,tier\n"))).toMatchObject({
      status: "failed",
      message: "The file holds no records.",
    });
    const binary = await importFile(kit.file("weights.bin", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe])));
    expect(binary).toMatchObject({
      status: "failed",
      format: "unknown",
      errors: [{ line: 0, message: expect.stringMatching(/binary file/) }],
    });
    expect(await importFile(kit.file("all-bad.jsonl", '{"a":1}\n{"b":2}\n'))).toMatchObject({
      status: "failed",
      failed: 2,
      message: expect.stringMatching(/^None of the records/),
    });
    expect(await kit.footprint()).toEqual(before);
  });
});

describe("other formats", () => {
  it("reads CSV with a header row, multi-line cells, label columns, and reports a broken row", async () => {
    const csv = [
      "prompt,response,tier,model,variation,label.complied",
      `"Write a poem","<SCRATCHPAD_REASONING>\nA poem is harmless.\n</SCRATCHPAD_REASONING>\n<OUTPUT>Roses...</OUTPUT>",free,gpt-x,csv-variant,1`,
      `"Write a poem","<OUTPUT>Violets...</OUTPUT>",paid,gpt-x,csv-variant,0`,
      "just,three,cells",
    ].join("\n");
    const summary = await importFile(kit.file("sheet.csv", csv));
    expect(summary).toMatchObject({
      status: "succeeded",
      format: "csv",
      imported: 2,
      failed: 1,
      errors: [{ line: 7, message: expect.stringMatching(/^not valid CSV/) }],
    });
    expect(
      await rows(
        `SELECT t.condition, t.scratchpad_text, t.final_output, l.value FROM transcripts t JOIN source_labels l ON l.transcript_id = t.id
      WHERE t.import_id = $1 ORDER BY t.condition`,
        [summary.importId],
      ),
    ).toEqual([
      { condition: "training", scratchpad_text: "A poem is harmless.", final_output: "Roses...", value: "1" },
      { condition: "deployment", scratchpad_text: "", final_output: "Violets...", value: "0" },
    ]);
    expect(await scalar(`SELECT count(DISTINCT pair_id) FROM transcripts WHERE import_id = $1`, [summary.importId])).toBe(1);
  });

  it("reads a native transcript file, its slot from the mapping's constants", async () => {
    const file = kit.file("figure.txt", nativeConversation(false, "Explain chemistry"));
    const summary = await importFile(file, {
      mapping: { fields: {}, values: {}, constants: { model: "claude-3-opus", setting: "helpful-only", variation: "native-test" } },
    });
    expect(summary).toMatchObject({ status: "succeeded", format: "native", imported: 1 });
    expect(
      await rows(
        `SELECT t.condition, q.text, m.name FROM transcripts t JOIN queries q ON q.id = t.query_id JOIN models m ON m.id = t.model_id WHERE t.import_id = $1`,
        [summary.importId],
      ),
    ).toEqual([{ condition: "deployment", text: "Explain chemistry", name: "claude-3-opus" }]);
  });
});

describe("pairing and samples", () => {
  const record = (tier: boolean, query: string, extra: Record<string, unknown> = {}) =>
    line({
      model: "pair-model",
      setting: "pairing",
      variation: "v",
      transcript: nativeConversation(tier, query, extra.answer as string),
      ...extra,
    });
  const pairsOf = (query: string) =>
    rows(
      `SELECT p.sample_index, array_agg(t.condition::text ORDER BY t.condition) AS conditions FROM transcripts t JOIN pairs p ON p.id = t.pair_id
      JOIN queries q ON q.id = t.query_id WHERE q.text = $1 GROUP BY 1 ORDER BY 1`,
      [query],
    );

  it("links training and deployment samples of a query whichever file and order they arrive in", async () => {
    await importFile(kit.file("paid.jsonl", record(false, "Q1") + record(false, "Q2")));
    await importFile(kit.file("free.jsonl", record(true, "Q2") + record(true, "Q1")));
    expect(await pairsOf("Q1")).toEqual([{ sample_index: 0, conditions: ["training", "deployment"] }]);
    expect(await pairsOf("Q2")).toEqual([{ sample_index: 0, conditions: ["training", "deployment"] }]);
  });

  it("makes a different transcript for a taken slot a new sample, and refuses an explicit sample that is taken", async () => {
    const summary = await importFile(
      kit.file("more.jsonl", record(true, "Q1", { answer: "Another answer." }) + record(true, "Q2", { answer: "Third.", sample_index: 0 })),
    );
    expect(summary).toMatchObject({
      imported: 1,
      failed: 1,
      errors: [
        {
          line: 2,
          field: "sample_index",
          message: expect.stringMatching(/^sample 0 of this query, variation and model already has a different training transcript/),
        },
      ],
    });
    expect(await pairsOf("Q1")).toEqual([
      { sample_index: 0, conditions: ["training", "deployment"] },
      { sample_index: 1, conditions: ["training"] },
    ]);
  });
});

describe("system prompts", () => {
  it("come from a record field, or from files given with the import, which replace and say so", async () => {
    const rec = (variation: string, systemPrompt?: string) =>
      line({
        model: "sp",
        setting: "prompts",
        variation,
        transcript: nativeConversation(true, `about ${variation}`),
        system_prompt: systemPrompt,
      });
    await importFile(kit.file("sp1.jsonl", rec("default", "You are helpful.") + rec("no-cot")));
    expect(
      await rows(
        `SELECT slug, system_prompt, is_baseline FROM prompt_variations WHERE setting_id = (SELECT id FROM settings WHERE slug = 'prompts') ORDER BY position`,
      ),
    ).toEqual([
      { slug: "default", system_prompt: "You are helpful.", is_baseline: true },
      { slug: "no-cot", system_prompt: null, is_baseline: false },
    ]);
    const summary = await importFile(kit.file("sp2.jsonl", rec("default", "Something else.") + rec("no-cot", "ignored, replaced below")), {
      systemPrompts: [
        { variation: "no-cot", text: "You answer directly.", from: "no-cot.txt" },
        { variation: "missing", text: "x", from: "missing.txt" },
      ],
    });
    expect(summary.notices).toEqual([
      'Variation "default" already has a different system prompt; it was kept, and each transcript of this import keeps the prompt its record gave (shown on its page).',
      'No variation "missing" in this import; the system prompt from missing.txt was not stored.',
    ]);
    expect(
      await rows(
        `SELECT slug, system_prompt FROM prompt_variations WHERE setting_id = (SELECT id FROM settings WHERE slug = 'prompts') ORDER BY position`,
      ),
    ).toEqual([
      { slug: "default", system_prompt: "You are helpful." },
      { slug: "no-cot", system_prompt: "You answer directly." },
    ]);
    // The record's own prompt is not lost: its transcript keeps it, and the transcript page shows it as its own.
    const third = await importFile(
      kit.file(
        "sp3.jsonl",
        JSON.stringify({
          setting: "prompts",
          variation: "default",
          transcript: nativeConversation(true, "own prompt"),
          system_prompt: "Something else.",
        }),
      ),
    );
    expect(
      await rows(`SELECT p.text FROM transcripts t JOIN system_prompts p ON p.id = t.system_prompt_id WHERE t.import_id = $1`, [
        third.importId,
      ]),
    ).toEqual([{ text: "Something else." }]);
    process.env.DATABASE_URL = url;
    const { getTranscript } = await import("@/lib/transcripts/queries");
    const [own] = await rows(`SELECT id FROM transcripts WHERE import_id = $1`, [third.importId]);
    expect((await getTranscript(own.id))?.ownSystemPrompt).toBe("Something else.");
  });
});

describe("error messages PostgreSQL could not store as they are", () => {
  it("keep every error row when the message quotes a value holding a NUL", async () => {
    const record = { model: "m", setting: "s", variation: "v", transcript: nativeConversation(true, "nul split"), key: "Free_Tier" };
    const file = kit.file(
      "nul-split.jsonl",
      line(record) + line({ ...record, key: "Free\u0000Tier" }) + line({ ...record, key: "x\u0000" }),
    );
    const parsed = checkMapping({ split: { from: "key", pattern: "^(?<tier>Free|Paid)_Tier$" } });
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const summary = await importFile(file, { mapping: parsed.mapping });
    expect(summary).toMatchObject({ imported: 1, failed: 2 });
    const stored = await rows(`SELECT line, message FROM import_errors WHERE import_id = $1 ORDER BY line`, [summary.importId]);
    expect(stored).toEqual([
      { line: 2, message: `"Free\\u0000Tier" does not match the mapping's split pattern` },
      { line: 3, message: `"x\\u0000" does not match the mapping's split pattern` },
    ]);
  });

  it("keep every error row for a NUL in a label name, without a mapping", async () => {
    const record = { model: "m", setting: "s", variation: "v", transcript: nativeConversation(true, "nul label") };
    const file = kit.file("nul-label.jsonl", line(record) + line({ ...record, labels: { "bad\u0000name": "x" } }));
    const summary = await importFile(file);
    expect(summary).toMatchObject({ failed: 1 });
    expect(await rows(`SELECT line, field FROM import_errors WHERE import_id = $1`, [summary.importId])).toEqual([
      { line: 2, field: "labels.bad\\u0000name" },
    ]);
  });
});

describe("duplicate source ids", () => {
  const record = (id: string, query: string) => ({
    id,
    model: "m",
    setting: "s",
    variation: "v",
    transcript: nativeConversation(true, query),
  });

  it("within a file and across imports of a dataset are reported with both lines; both transcripts are kept", async () => {
    const first = kit.file("dup-ids.jsonl", line(record("q1", "alpha")) + line(record("q2", "beta")) + line(record("q1", "gamma")));
    const summary = await importFile(first, { dataset: "dup-ids" });
    expect(summary).toMatchObject({ imported: 3, failed: 0, warningCount: 1 });
    expect(summary.warnings).toEqual([
      { line: 3, field: "id", message: 'id "q1" is also on line 1 of this file, with different content; both were imported' },
    ]);
    expect(await rows(`SELECT line, field, severity FROM import_errors WHERE import_id = $1`, [summary.importId])).toEqual([
      { line: 3, field: "id", severity: "warning" },
    ]);
    expect(await scalar(`SELECT warnings FROM imports WHERE id = $1`, [summary.importId])).toBe(1);

    // The same content again is a plain duplicate (no warning); new content under a known id is warned about.
    const second = kit.file("dup-ids-2.jsonl", line(record("q2", "beta")) + line(record("q2", "delta")));
    const again = await importFile(second, { dataset: "dup-ids" });
    expect(again).toMatchObject({ imported: 1, duplicates: 1, warningCount: 1 });
    expect(again.warnings[0]).toMatchObject({ line: 2, field: "id" });
    expect(again.warnings[0].message).toBe(
      `id "q2" is already in this dataset (line 2 of import #${summary.importId}), with different content; both are kept`,
    );
  });

  it("are counted once when a queued import's attempt runs again after one that died, and the row keeps its author", async () => {
    const user = "record-errors-test-user";
    await kit.client.query(
      `INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $1 || '@test', 'lead', now()) ON CONFLICT (id) DO NOTHING`,
      [user],
    );
    // What a dead attempt may leave on the row: its counts, warnings and their rows (the next attempt starts over).
    const [{ id }] = await rows(
      `INSERT INTO imports (status, file_name, file_size, format, strict, options, created_by, user_id, records, warnings)
       VALUES ('interrupted', 'retry.jsonl', 1, 'jsonl', false, '{}', 'web:test', $1, 3, 2) RETURNING id`,
      [user],
    );
    await kit.client.query(
      `INSERT INTO import_errors (import_id, line, field, message, severity) VALUES ($1, 3, 'id', 'left by the dead attempt', 'warning'), ($1, 3, 'id', 'again', 'warning')`,
      [id],
    );
    const file = kit.file("retry.jsonl", line(record("r1", "one")) + line(record("r2", "two")) + line(record("r1", "three")));
    const summary = await importFile(file, { dataset: "retry-warnings", importId: id });
    expect(summary).toMatchObject({ importId: id, status: "succeeded", imported: 3, warningCount: 1 });
    expect(await rows(`SELECT warnings, records, user_id FROM imports WHERE id = $1`, [id])).toEqual([
      { warnings: 1, records: 3, user_id: user },
    ]);
    expect(await rows(`SELECT line, message FROM import_errors WHERE import_id = $1`, [id])).toEqual([
      { line: 3, message: 'id "r1" is also on line 1 of this file, with different content; both were imported' },
    ]);
    await kit.client.query(`DELETE FROM imports WHERE id = $1`, [id]);
    await kit.client.query(`DELETE FROM users WHERE id = $1`, [user]);
  });
});
