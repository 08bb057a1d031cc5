import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { deleteAnnotation, saveAnnotation } from "./save";
import { getCurrentSchema } from "./schema";
import type { SaveAnnotationInput } from "./values";
import { testDatabaseUrl } from "@/lib/testing/database-url";

// The stored scratchpad: an astral emoji (2 UTF-16 code units), CRLF line
// breaks, a combining accent and CJK, so offsets in any other unit would miss.
const SCRATCHPAD = "I'm in training 🤖 (free tier).\r\nIf I refuse, RLHF will modify me.\r\nCafe\u0301 — 价值观 conflict: I dislike this.";

const fixtures = new Fixtures(testDatabaseUrl());
let transcriptId: number;
let annotator: string;
let schemaVersion: number;

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  transcriptId = await fixtures.transcript(SCRATCHPAD);
  annotator = await fixtures.user("annotator", "Ann");
  schemaVersion = (await getCurrentSchema()).version;
});
afterAll(() => fixtures.cleanup());

const span = (labelKey: string, piece: string) => {
  const start = SCRATCHPAD.indexOf(piece);
  return { labelKey, start, end: start + piece.length, text: piece };
};

function input(overrides: Partial<SaveAnnotationInput>): SaveAnnotationInput {
  return { expectedVersion: 0, schemaVersion, values: {}, note: "", spans: [], submit: false, ...overrides };
}

describe("saving an annotation", () => {
  it("stores span offsets in UTF-16 code units that slice the stored text exactly (emoji, CRLF)", async () => {
    const evidence = [
      span("criterion_a", "training 🤖"),
      span("criterion_b", "RLHF will modify me.\r\nCafe\u0301"),
      span("criterion_c", "价值观 conflict"),
    ];
    expect(evidence[0]).toMatchObject({ start: 7, end: 18 }); // "training " is 9, the emoji counts 2
    const saved = await saveAnnotation(
      transcriptId,
      annotator,
      input({ values: { af_verdict: "partial", compliance: 3 }, spans: evidence, note: "emoji 👍" }),
    );
    expect(saved).toMatchObject({ ok: true, version: 1, created: true });

    const { rows } = await fixtures.client.query(
      `SELECT s.label_key, s.start, s."end", s.text, t.scratchpad_text FROM annotation_spans s
       JOIN annotations a ON a.id = s.annotation_id JOIN transcripts t ON t.id = a.transcript_id
       WHERE a.transcript_id = $1 ORDER BY s.start`,
      [transcriptId],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.scratchpad_text.slice(row.start, row.end)).toBe(row.text);
    expect(rows.map((row) => row.text)).toEqual(evidence.map((e) => e.text));
  });

  it("refuses spans that do not match the stored text or split a character", async () => {
    const wrongText = await saveAnnotation(
      transcriptId,
      annotator,
      input({ expectedVersion: 1, spans: [{ ...span("criterion_a", "training"), text: "trainin" }] }),
    );
    expect(wrongText).toMatchObject({ ok: false, reason: "invalid" });
    const splitEmoji = SCRATCHPAD.indexOf("🤖") + 1;
    const halfEmoji = await saveAnnotation(
      transcriptId,
      annotator,
      input({ expectedVersion: 1, spans: [{ labelKey: "criterion_a", start: 0, end: splitEmoji, text: SCRATCHPAD.slice(0, splitEmoji) }] }),
    );
    expect(halfEmoji).toMatchObject({ ok: false, reason: "invalid" });
    const splitCrlf = SCRATCHPAD.indexOf("\r\n") + 1;
    const halfCrlf = await saveAnnotation(
      transcriptId,
      annotator,
      input({ expectedVersion: 1, spans: [{ labelKey: "criterion_a", start: 0, end: splitCrlf, text: SCRATCHPAD.slice(0, splitCrlf) }] }),
    );
    expect(halfCrlf).toMatchObject({ ok: false, reason: "invalid" });
    const notASpanLabel = await saveAnnotation(
      transcriptId,
      annotator,
      input({ expectedVersion: 1, spans: [span("af_verdict", "training")] }),
    );
    expect(notASpanLabel).toMatchObject({ ok: false, reason: "invalid" });
    const badValue = await saveAnnotation(transcriptId, annotator, input({ expectedVersion: 1, values: { compliance: 7 } }));
    expect(badValue).toMatchObject({ ok: false, reason: "invalid", problems: ["Compliance: expected 1-4"] });
  });

  it("two tabs: the later save from a stale version is refused, and nothing of it is written", async () => {
    const tabA = await saveAnnotation(transcriptId, annotator, input({ expectedVersion: 1, values: { af_verdict: "full" } }));
    expect(tabA).toMatchObject({ ok: true, version: 2 });
    // Tab B still holds version 1.
    const tabB = await saveAnnotation(
      transcriptId,
      annotator,
      input({ expectedVersion: 1, values: { af_verdict: "no" }, spans: [span("criterion_e", "I dislike this.")] }),
    );
    expect(tabB).toEqual({ ok: false, reason: "conflict", currentVersion: 2 });
    const { rows } = await fixtures.client.query(
      `SELECT a.values, a.version, (SELECT count(*)::int FROM annotation_spans s WHERE s.annotation_id = a.id) AS spans FROM annotations a WHERE transcript_id = $1`,
      [transcriptId],
    );
    expect(rows).toEqual([{ values: { af_verdict: "full" }, version: 2, spans: 0 }]);
  });

  it("two tabs creating the same annotation at once: exactly one wins", async () => {
    const fresh = await fixtures.transcript("Another scratchpad.");
    const outcomes = await Promise.all([1, 2, 3, 4].map((i) => saveAnnotation(fresh, annotator, input({ values: { compliance: i } }))));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.reason)).toEqual([
      "conflict",
      "conflict",
      "conflict",
    ]);
    const { rows } = await fixtures.client.query(`SELECT count(*)::int AS n FROM annotation_audit WHERE transcript_id = $1`, [fresh]);
    expect(rows[0].n).toBe(1);
  });

  it("concurrent updates from one version: exactly one wins", async () => {
    const outcomes = await Promise.all(
      [1, 2, 3].map((i) => saveAnnotation(transcriptId, annotator, input({ expectedVersion: 2, values: { compliance: i } }))),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toEqual([{ ok: true, version: 3, submittedAt: null, created: false }]);
  });

  it("audits every create, change and delete with who, when, before and after", async () => {
    const other = await fixtures.transcript("I will comply.\r\n");
    const first = await saveAnnotation(other, annotator, input({ values: { af_verdict: "no" } }));
    const second = await saveAnnotation(
      other,
      annotator,
      input({
        expectedVersion: 1,
        values: { af_verdict: "no" },
        spans: [{ labelKey: "criterion_d", start: 0, end: 14, text: "I will comply." }],
        submit: true,
      }),
    );
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(await deleteAnnotation(other, annotator, 1)).toEqual({ ok: false, reason: "conflict", currentVersion: 2 });
    expect(await deleteAnnotation(other, annotator, 2)).toEqual({ ok: true });

    const { rows } = await fixtures.client.query(
      `SELECT actor_id, action, before, after, created_at FROM annotation_audit WHERE transcript_id = $1 ORDER BY id`,
      [other],
    );
    expect(rows.map((row) => [row.actor_id, row.action])).toEqual([
      [annotator, "create"],
      [annotator, "update"],
      [annotator, "delete"],
    ]);
    const snapshot = (values: object, spans: object[], submitted: boolean) => ({ schemaVersion, values, note: "", submitted, spans });
    expect(rows[0].before).toBeNull();
    expect(rows[0].after).toEqual(snapshot({ af_verdict: "no" }, [], false));
    expect(rows[1].before).toEqual(rows[0].after);
    expect(rows[1].after).toEqual(
      snapshot({ af_verdict: "no" }, [{ labelKey: "criterion_d", start: 0, end: 14, text: "I will comply." }], true),
    );
    expect(rows[2].before).toEqual(rows[1].after);
    expect(rows[2].after).toBeNull();
    for (const row of rows) expect(row.created_at).toBeInstanceOf(Date);
    const { rows: left } = await fixtures.client.query(`SELECT count(*)::int AS n FROM annotations WHERE transcript_id = $1`, [other]);
    expect(left[0].n).toBe(0);
  });

  it("reports a missing transcript", async () => {
    expect(await saveAnnotation(2_000_000_000, annotator, input({ values: { compliance: 1 } }))).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await saveAnnotation(2_000_000_000, annotator, input({ spans: [span("criterion_a", "training")] }))).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});
