import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { parseListState } from "@/lib/transcripts/list-state";
import { parsePairViewState } from "@/lib/transcripts/pair-state";
import type { Viewer } from "./viewer";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Hiding imported labels (and judge suggestions) while labelling, through the
 * visibility layer as each persona: the personal toggle outside queues (on by
 * default for annotators), a queue's setting, and blind queues (always).
 */
process.env.DATABASE_URL = testDatabaseUrl();
const { runAs } = await import("./viewer");
const { transcriptTable, transcriptRows, tableFilterOptions, pairPage, apiTranscript } = await import("./transcripts");
const { queueItemPage } = await import("./team");
const { setLabellingPreference, labellingPreference, judgeSuggestions } = await import("./suggestions");
const { transcriptPage } = await import("./transcripts");
const { getCurrentSchema } = await import("@/lib/annotations/schema");

const fixtures = new Fixtures(testDatabaseUrl());
const SECRET = "imported-verdict-7f3a";
let annotator: Viewer;
let lead: Viewer;
let transcript: number;
let pair: number;
let dataset: number;
let judgeRun: number;

const as = (id: string, role: "annotator" | "lead"): Viewer => ({ id, role, name: role, email: `${id}@suggestions.test`, via: "session" });
const q = (sql: string, params: unknown[]) => fixtures.client.query(sql, params);

beforeAll(async () => {
  await fixtures.connect();
  annotator = as(await fixtures.user("annotator", "Hiding Annotator"), "annotator");
  lead = as(await fixtures.user("lead", "Hiding Lead"), "lead");
  transcript = await fixtures.transcript("I am probably in training.");
  const row = (await q("SELECT dataset_id, pair_id FROM transcripts WHERE id = $1", [transcript])).rows[0];
  [dataset, pair] = [row.dataset_id, row.pair_id];
  await q("INSERT INTO source_labels (transcript_id, source, name, value) VALUES ($1, 'paper-classifier', 'af', $2)", [transcript, SECRET]);
  // A judge's finished run over it, whose reason carries a marker too.
  const judge = (
    await q("INSERT INTO judges (name, kind, label_key) VALUES ($1, 'imported', 'criterion_a') RETURNING id", [`hiding-${Date.now()}`])
  ).rows[0].id;
  judgeRun = (await q("INSERT INTO judge_runs (judge_id, status, finished_at) VALUES ($1, 'succeeded', now()) RETURNING id", [judge]))
    .rows[0].id;
  await q("INSERT INTO judge_predictions (run_id, transcript_id, verdict, score, reason, evidence) VALUES ($1, $2, true, 0.9, $3, $4)", [
    judgeRun,
    transcript,
    `judge-reason-${SECRET}`,
    JSON.stringify([{ quote: "probably in training", start: 5, end: 25, matched: true }]),
  ]);
});
afterAll(async () => {
  await q("DELETE FROM judges WHERE id = (SELECT judge_id FROM judge_runs WHERE id = $1)", [judgeRun]);
  await fixtures.cleanup();
});

/** Everything the viewer's reads of the transcript outside queues return, as one string to search. */
async function everythingSeenBy(viewer: Viewer): Promise<string> {
  const list = parseListState({ dataset: String(dataset) });
  return runAs(viewer, async () =>
    JSON.stringify([
      await transcriptTable(list),
      await transcriptRows(list),
      await pairPage(pair, parsePairViewState({})),
      await apiTranscript(transcript),
      await transcriptPage(transcript, parseListState({})),
    ]),
  );
}

describe("outside queues: the personal toggle", () => {
  it("hides imported labels from an annotator by default: table, filters, pair page and API", async () => {
    expect(await everythingSeenBy(annotator)).not.toContain(SECRET);
    const table = await runAs(annotator, () => transcriptTable(parseListState({ dataset: String(dataset) })));
    expect(table.suggestionsHidden).toBe(true);
    expect(table.page.rows.map((r) => r.id)).toEqual([transcript]);
    expect((await runAs(annotator, () => tableFilterOptions())).labels).toEqual([]);
    expect((await runAs(annotator, () => apiTranscript(transcript))).imported_labels).toBeNull();
    expect((await runAs(annotator, () => pairPage(pair, parsePairViewState({})))).suggestionsHidden).toBe(true);
    expect(await runAs(annotator, () => labellingPreference())).toEqual({ hideSuggestions: true, isDefault: true, roleDefault: true });
    expect(await runAs(annotator, () => judgeSuggestions(transcript))).toEqual([]);
  });

  it("offers a lead the newest finished judge run's verdict, reason and evidence offsets as suggestions", async () => {
    const [suggestion] = await runAs(lead, () => judgeSuggestions(transcript));
    expect(suggestion).toMatchObject({
      runId: judgeRun,
      labelKey: "criterion_a",
      verdict: true,
      score: 0.9,
      reason: `judge-reason-${SECRET}`,
      evidence: [{ quote: "probably in training", start: 5, end: 25, matched: true }],
    });
    expect((await runAs(lead, () => transcriptPage(transcript, parseListState({})))).suggestions).toHaveLength(1);
  });

  it("refuses a filter on imported labels while they are hidden, saying why (not silently ignored)", async () => {
    const filtered = parseListState({ dataset: String(dataset), label: `paper-classifier|af|${SECRET}` });
    await expect(runAs(annotator, () => transcriptTable(filtered))).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("Imported labels are hidden while you label"),
    });
    await expect(runAs(annotator, () => transcriptRows(filtered))).rejects.toMatchObject({ code: "forbidden" });
    // A lead (shown by default) filters by them.
    const rows = await runAs(lead, () => transcriptRows(filtered));
    expect(rows.rows.map((r) => r.id)).toEqual([transcript]);
  });

  it("shows them to a lead by default, and to an annotator who turned hiding off; each toggle is the user's own", async () => {
    expect(await everythingSeenBy(lead)).toContain(SECRET);
    await runAs(annotator, () => setLabellingPreference(false));
    const seen = await everythingSeenBy(annotator);
    expect(seen).toContain(SECRET);
    expect((await runAs(annotator, () => apiTranscript(transcript))).imported_labels).toEqual([
      { source: "paper-classifier", name: "af", value: SECRET },
    ]);
    // A lead who hides them gets what a hiding annotator gets.
    await runAs(lead, () => setLabellingPreference(true));
    expect(await everythingSeenBy(lead)).not.toContain(SECRET);
    // Back to the defaults.
    await runAs(annotator, () => setLabellingPreference(null));
    await runAs(lead, () => setLabellingPreference(null));
    expect(await everythingSeenBy(annotator)).not.toContain(SECRET);
    expect(await everythingSeenBy(lead)).toContain(SECRET);
  });
});

describe("in queues", () => {
  async function queueWith(options: { blind: boolean; hideSuggestions: boolean }) {
    const queue = (
      await q(
        "INSERT INTO label_queues (name, blind, hide_suggestions, annotators_per_item, created_by_id) VALUES ('hiding', $1, $2, 1, $3) RETURNING id",
        [options.blind, options.hideSuggestions, lead.id],
      )
    ).rows[0].id as number;
    await q("INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)", [queue, annotator.id]);
    const item = (
      await q("INSERT INTO label_queue_items (queue_id, transcript_id, claims) VALUES ($1, $2, 1) RETURNING id", [queue, transcript])
    ).rows[0].id as number;
    await q("INSERT INTO label_queue_claims (item_id, annotator_id) VALUES ($1, $2)", [item, annotator.id]);
    return { queue, item, close: () => q("UPDATE label_queues SET closed_at = now() WHERE id = $1", [queue]) };
  }
  const itemSeen = async (queue: number, item: number) => runAs(annotator, () => queueItemPage(queue, item));

  it("a queue that hides suggestions leaves the imported labels out of its item until the annotator submits, whatever their toggle", async () => {
    await runAs(annotator, () => setLabellingPreference(false)); // the toggle is for outside queues only
    const { queue, item, close } = await queueWith({ blind: false, hideSuggestions: true });
    const before = await itemSeen(queue, item);
    expect(before.kind === "item" && before.view.revealed?.sourceLabels).toBeNull();
    expect(JSON.stringify(before)).not.toContain(SECRET);
    await q(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, '{}', now())`,
      [transcript, annotator.id, (await getCurrentSchema()).version],
    );
    expect(JSON.stringify(await itemSeen(queue, item))).toContain(SECRET);
    await q("DELETE FROM annotations WHERE annotator_id = $1", [annotator.id]);
    await close();
    await runAs(annotator, () => setLabellingPreference(null));
  });

  it("a queue that shows suggestions shows them; a blind queue hides them even when told to show", async () => {
    const open = await queueWith({ blind: false, hideSuggestions: false });
    expect(JSON.stringify(await itemSeen(open.queue, open.item))).toContain(SECRET);
    await open.close();
    const blind = await queueWith({ blind: true, hideSuggestions: false });
    const seen = await itemSeen(blind.queue, blind.item);
    expect(seen.kind === "item" && seen.view.revealed).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(SECRET);
    await blind.close();
  });
});
