import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { deleteAnnotation, saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { unsubmitAnnotation } from "@/lib/annotations/unsubmit";
import { agreementFromRatings, sameAgreement, type AnnotatorRating } from "@/lib/testing/agreement-from-ratings";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";
import { UNIT_COLUMNS as COLUMNS } from "@/lib/testing/agreement-units";
import { spanOverlapSql, votePatternsSql, type SpanOverlapRow, type VotePatternRow } from "./counts-sql";
import { agreementOverallAndByVariation } from "./load";

/**
 * The table agreement_units holds what the agreement page groups (each label's
 * votes per transcript in annotator order, span overlap sums), kept by triggers
 * on every table it is computed from (migration 20261203900000). After ANY
 * sequence of what the app writes (saves, draft or submitted, with evidence that
 * overlaps, touches or is empty; edits that change or drop values and spans;
 * deletes; undo of a submit; bulk statements as an import or a restore runs
 * them; a transcript moved to another variation), some at once on the same
 * transcript, it must equal the live computation (view agreement_units_live) row
 * for row, and the page's figures must equal the oracle computed item by item
 * from the submitted ratings as they are in the database.
 */
const fixtures = new Fixtures(testDatabaseUrl());
const TEXT = "I am in training. RLHF would change me. I will comply to keep my values.";
let client: pg.Pool;
let annotators: string[];
let transcripts: number[];
let variations: number[];
let schemaVersion: number;

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  annotators = [];
  for (const name of ["A", "B", "C"]) annotators.push(await fixtures.user("annotator", name));
  transcripts = [];
  for (let i = 0; i < 3; i++) transcripts.push(await fixtures.transcript(TEXT));
  client = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
  const { rows } = await client.query<{ variation_id: number; setting_id: number }>(
    "SELECT variation_id, setting_id FROM transcripts WHERE id = $1",
    [transcripts[0]],
  );
  const other = await client.query<{ id: number }>(
    "INSERT INTO prompt_variations (setting_id, slug, name) VALUES ($1, $2, 'Units test') RETURNING id",
    [rows[0].setting_id, `units-test-${process.pid}-${Date.now()}`],
  );
  variations = [rows[0].variation_id, other.rows[0].id];
  schemaVersion = (await getCurrentSchema()).version;
});
afterAll(async () => {
  await client?.query("DELETE FROM annotations WHERE transcript_id = ANY($1)", [transcripts]);
  await client?.query("UPDATE transcripts SET variation_id = $1 WHERE id = ANY($2)", [variations[0], transcripts]);
  await client?.query("DELETE FROM prompt_variations WHERE id = $1", [variations[1]]);
  await client?.end();
  await fixtures.cleanup();
});

const SPAN_KEYS = ["criterion_a", "criterion_b"] as const;
// Within the scratchpad (a save checks each span's text against it); a raw insert may also be empty.
const span = fc.record({ labelKey: fc.constantFrom(...SPAN_KEYS), start: fc.nat(45), length: fc.integer({ min: 1, max: 25 }) });
const rawSpan = fc.record({ labelKey: fc.constantFrom(...SPAN_KEYS), start: fc.nat(45), length: fc.nat(25) });
type Span = { labelKey: string; start: number; length: number };

type Write =
  | { kind: "save"; t: number; who: number; verdict?: string; compliance?: number; spans: Span[]; submit: boolean }
  | { kind: "delete"; t: number; who: number }
  | { kind: "undo"; t: number; who: number }
  | { kind: "add_span"; t: number; who: number; span: Span }
  | { kind: "remove_spans"; t: number; who: number; labelKey: string }
  | { kind: "move"; t: number; to: number }
  | { kind: "bulk_submit"; who: number }
  | { kind: "bulk_delete"; who: number };

const t = fc.nat({ max: 2 });
const who = fc.nat({ max: 2 });
const write: fc.Arbitrary<Write> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("save" as const),
      t,
      who,
      verdict: fc.option(fc.constantFrom("no", "partial", "full"), { nil: undefined }),
      compliance: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      spans: fc.array(span, { maxLength: 3 }),
      submit: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), t, who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("undo" as const), t, who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("add_span" as const), t, who, span: rawSpan }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove_spans" as const), t, who, labelKey: fc.constantFrom(...SPAN_KEYS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), t, to: fc.nat({ max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bulk_submit" as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bulk_delete" as const), who }) },
);

async function versionOf(transcriptId: number, annotatorId: string): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    "SELECT version FROM annotations WHERE transcript_id = $1 AND annotator_id = $2",
    [transcriptId, annotatorId],
  );
  return rows[0]?.version ?? 0;
}

// Outcomes (a conflict when two writes race on one annotation) are not the point:
// whatever got written, the table must follow.
async function apply(step: Write): Promise<void> {
  switch (step.kind) {
    case "save": {
      const values: Record<string, string | number> = {};
      if (step.verdict) values.af_verdict = step.verdict;
      if (step.compliance) values.compliance = step.compliance;
      await saveAnnotation(transcripts[step.t], annotators[step.who], {
        expectedVersion: await versionOf(transcripts[step.t], annotators[step.who]),
        schemaVersion,
        values,
        note: "",
        spans: step.spans.map((s) => ({
          labelKey: s.labelKey,
          start: s.start,
          end: s.start + s.length,
          text: TEXT.slice(s.start, s.start + s.length),
        })),
        submit: step.submit,
      });
      return;
    }
    case "delete":
      await deleteAnnotation(transcripts[step.t], annotators[step.who], await versionOf(transcripts[step.t], annotators[step.who])).catch(
        () => {},
      );
      return;
    case "undo":
      await unsubmitAnnotation(transcripts[step.t], annotators[step.who]);
      return;
    case "add_span":
      await client
        .query(
          `INSERT INTO annotation_spans (annotation_id, label_key, start, "end", text)
         SELECT id, $3, $4, $5, substr($6, $4 + 1, $5 - $4) FROM annotations WHERE transcript_id = $1 AND annotator_id = $2`,
          [transcripts[step.t], annotators[step.who], step.span.labelKey, step.span.start, step.span.start + step.span.length, TEXT],
        )
        .catch((error: unknown) => {
          // The annotation went in a delete started at the same moment (foreign key): nothing was written.
          if ((error as { code?: string }).code !== "23503") throw error;
        });
      return;
    case "remove_spans":
      await client.query(
        `DELETE FROM annotation_spans s USING annotations a
         WHERE a.id = s.annotation_id AND a.transcript_id = $1 AND a.annotator_id = $2 AND s.label_key = $3`,
        [transcripts[step.t], annotators[step.who], step.labelKey],
      );
      return;
    case "move":
      await client.query("UPDATE transcripts SET variation_id = $1 WHERE id = $2", [variations[step.to], transcripts[step.t]]);
      return;
    case "bulk_submit":
      await client.query(
        "UPDATE annotations SET submitted_at = now() WHERE annotator_id = $1 AND transcript_id = ANY($2) AND submitted_at IS NULL",
        [annotators[step.who], transcripts],
      );
      return;
    case "bulk_delete":
      await client.query("DELETE FROM annotations WHERE annotator_id = $1 AND transcript_id = ANY($2)", [
        annotators[step.who],
        transcripts,
      ]);
      return;
  }
}

async function rowsOf(relation: "agreement_units" | "agreement_units_live") {
  const { rows } = await client.query(
    `SELECT ${COLUMNS} FROM ${relation} WHERE transcript_id = ANY($1) ORDER BY transcript_id, kind, label_key`,
    [transcripts],
  );
  return rows;
}

/**
 * The counts the unfiltered page reads (migration 20261204200000), stored and as
 * grouped here from the live computation, over every variation: read in one
 * snapshot, so that other test files writing annotations meanwhile change both alike.
 */
async function countsNow() {
  const reader = await client.connect();
  try {
    await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const all = async (sql: string) => (await reader.query(sql)).rows;
    const counts = {
      storedPatterns: await all(
        `SELECT variation_id, kind, label_key, votes, n, span_overlap, span_total, spanned FROM agreement_pattern_counts
         ORDER BY variation_id, kind, label_key, votes`,
      ),
      livePatterns: await all(
        `SELECT variation_id, kind, label_key, votes, count(*)::int AS n, sum(span_overlap)::bigint AS span_overlap,
                sum(span_total)::bigint AS span_total, count(*) FILTER (WHERE span_total > 0)::int AS spanned
         FROM agreement_units_live GROUP BY variation_id, kind, label_key, votes
         ORDER BY variation_id, kind, label_key, votes`,
      ),
      storedAnnotators: await all(
        `SELECT variation_id, kind, label_key, annotator_id, n FROM agreement_annotator_counts
         ORDER BY variation_id, kind, label_key, annotator_id`,
      ),
      liveAnnotators: await all(
        `SELECT variation_id, kind, label_key, annotator_id, count(*)::int AS n
         FROM agreement_units_live CROSS JOIN LATERAL unnest(annotators) AS a(annotator_id) WHERE kind <> 'rated'
         GROUP BY variation_id, kind, label_key, annotator_id ORDER BY variation_id, kind, label_key, annotator_id`,
      ),
    };
    await reader.query("COMMIT");
    return counts;
  } catch (error) {
    await reader.query("ROLLBACK");
    throw error;
  } finally {
    reader.release();
  }
}

/**
 * What the page reads for every transcript (scope null: the counts tables) and for a
 * scope that holds every transcript (agreement_units grouped), in one snapshot, in a
 * form both must share: the variations listed, the patterns with their items, who
 * voted per variation and label (the unfiltered read gives one annotator a row), the span sums.
 */
async function unfilteredAndScopedReads(labels: readonly { key: string; kind: string }[]) {
  const spanKeys = labels.filter((label) => label.kind === "span").map((label) => label.key);
  const valueKeys = labels.filter((label) => label.kind !== "span").map((label) => label.key);
  const reader = await client.connect();
  const read = async (transcripts: Prisma.Sql | null) => {
    const scope = { transcripts, variations: null };
    const run = async <Row extends object>(sql: Prisma.Sql) => (await reader.query<Row>(sql.text, sql.values)).rows;
    const patterns = await run<VotePatternRow>(votePatternsSql(scope, valueKeys, spanKeys));
    const overlaps = await run<SpanOverlapRow>(spanOverlapSql(scope, spanKeys));
    const sorted = (lines: string[]) => [...new Set(lines)].sort();
    return {
      variations: sorted(patterns.filter((row) => row.label_key === null).map((row) => `${row.variation_id}`)),
      patterns: sorted(
        patterns.filter((row) => row.votes).map((row) => `${row.variation_id} ${row.label_key} ${JSON.stringify(row.votes)} ${row.items}`),
      ),
      annotators: sorted(
        patterns
          .filter((row) => row.annotators)
          .flatMap((row) => row.annotators!.map((annotator) => `${row.variation_id} ${row.label_key} ${annotator}`)),
      ),
      overlaps: sorted(overlaps.map((row) => `${row.variation_id} ${row.label_key} ${row.overlap} ${row.total} ${row.items}`)),
    };
  };
  try {
    await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const reads = { unfiltered: await read(null), everything: await read(Prisma.sql`true`) };
    await reader.query("COMMIT");
    return reads;
  } catch (error) {
    await reader.query("ROLLBACK");
    throw error;
  } finally {
    reader.release();
  }
}

/** The oracle's input: the submitted annotations as they are in the database now. */
async function submittedRatings(): Promise<(AnnotatorRating & { variationId: number })[]> {
  const { rows } = await client.query<{
    transcript_id: number;
    annotator_id: string;
    values: AnnotatorRating["values"];
    variation_id: number;
    spans: AnnotatorRating["spans"];
  }>(
    `SELECT a.transcript_id, a.annotator_id, a."values", t.variation_id,
            coalesce((SELECT jsonb_agg(jsonb_build_object('labelKey', s.label_key, 'start', s.start, 'end', s."end"))
                      FROM annotation_spans s WHERE s.annotation_id = a.id), '[]') AS spans
     FROM annotations a JOIN transcripts t ON t.id = a.transcript_id
     WHERE a.transcript_id = ANY($1) AND a.submitted_at IS NOT NULL`,
    [transcripts],
  );
  return rows.map((r) => ({
    transcriptId: r.transcript_id,
    annotatorId: r.annotator_id,
    values: r.values,
    spans: r.spans,
    variationId: r.variation_id,
  }));
}

describe("agreement_units (the table kept by the write path)", () => {
  it("equals the live computation, its counts the live units' counts (the unfiltered page reads them), and the page's figures the oracle's, after random writes, some at once", async () => {
    const { labels } = await getCurrentSchema();
    const where = Prisma.sql`t.id IN (${Prisma.join(transcripts)})`;
    const steps = fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    let compared = 0;
    let countedPatterns = 0;
    let evidence = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        // After every step, not only at the end: a later write to the same transcript
        // would recompute it and hide a trigger that missed the earlier one.
        for (const together of sequence) {
          await Promise.all(together.map(apply));
          const stored = await rowsOf("agreement_units");
          expect(stored).toEqual(await rowsOf("agreement_units_live"));
          compared += stored.length;
          const counts = await countsNow();
          expect(counts.storedPatterns).toEqual(counts.livePatterns);
          expect(counts.storedAnnotators).toEqual(counts.liveAnnotators);
          countedPatterns += counts.storedPatterns.length;
        }

        const { unfiltered, everything } = await unfilteredAndScopedReads(labels);
        expect(unfiltered).toEqual(everything);

        const ratings = await submittedRatings();
        evidence += ratings.filter((r) => r.spans.length > 0).length;
        const { overall, byVariation } = await agreementOverallAndByVariation({ where });
        expect(overall).toEqual(sameAgreement(agreementFromRatings(labels, ratings)));
        const withRatings = [...new Set(ratings.map((r) => r.variationId))].sort((x, y) => x - y);
        expect([...byVariation.keys()]).toEqual(withRatings);
        for (const variation of withRatings)
          expect(byVariation.get(variation)).toEqual(
            sameAgreement(
              agreementFromRatings(
                labels,
                ratings.filter((r) => r.variationId === variation),
              ),
            ),
          );
      }),
      { numRuns: 12 },
    );
    // Not vacuous: the runs left units to compare.
    expect(compared).toBeGreaterThan(0);
    expect(countedPatterns).toBeGreaterThan(0);
    expect(evidence).toBeGreaterThan(0);
  });
});
