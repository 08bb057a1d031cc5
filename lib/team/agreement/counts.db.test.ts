import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { agreementFromRatings, sameAgreement, type AnnotatorRating } from "@/lib/testing/agreement-from-ratings";
import { Fixtures } from "@/lib/testing/fixtures";
import { agreementByVariation, agreementOverallAndByVariation } from "./load";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The agreement figures come from counts PostgreSQL makes (vote patterns, span
 * overlap sums: lib/team/agreement/counts-sql.ts). For ANY arrangement of a few
 * annotations (any annotators, labels set or left out, drafts, spans that
 * overlap, touch, are empty or run past each other, two variations) they must
 * equal the computation from the raw ratings item by item.
 */
const fixtures = new Fixtures(testDatabaseUrl());
const elsewhere = new Fixtures(testDatabaseUrl());
const TEXT = "I am in training. RLHF would change me. I will comply to keep my values.";
let annotators: string[];
let transcripts: number[];
/** Variation of each transcript: the last two are moved to a second variation. */
const variationOf = new Map<number, number>();
let schemaVersion: number;
let settingId: number;
let modelId: number;

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  annotators = [];
  for (const name of ["A", "B", "C", "D"]) annotators.push(await fixtures.user("annotator", name));
  transcripts = [];
  for (let i = 0; i < 5; i++) transcripts.push(await fixtures.transcript(TEXT));
  const { rows } = await fixtures.client.query<{ id: number; variation_id: number; setting_id: number; model_id: number }>(
    "SELECT id, variation_id, setting_id, model_id FROM transcripts WHERE id = ANY($1)",
    [transcripts],
  );
  settingId = rows[0].setting_id;
  modelId = rows[0].model_id;
  const other = await fixtures.client.query<{ id: number }>(
    "INSERT INTO prompt_variations (setting_id, slug, name) VALUES ($1, 'other', 'Other') RETURNING id",
    [rows[0].setting_id],
  );
  await fixtures.client.query("UPDATE transcripts SET variation_id = $1 WHERE id = ANY($2)", [other.rows[0].id, transcripts.slice(3)]);
  for (const row of rows) variationOf.set(row.id, transcripts.slice(3).includes(row.id) ? other.rows[0].id : row.variation_id);
  schemaVersion = (await getCurrentSchema()).version;
  // Labels in another setting, which a setting's figures must leave out.
  await elsewhere.connect();
  const outside = await elsewhere.transcript(TEXT);
  for (const annotator of annotators.slice(0, 2))
    await fixtures.client.query(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, values, submitted_at) VALUES ($1, $2, $3, '{"compliance": 2}', now())`,
      [outside, annotator, schemaVersion],
    );
});
afterAll(async () => {
  await elsewhere.cleanup();
  await fixtures.cleanup();
});

const span = fc.record({
  labelKey: fc.constantFrom("criterion_a", "criterion_b", "criterion_e"),
  start: fc.integer({ min: 0, max: 60 }),
  length: fc.integer({ min: 0, max: 20 }),
});
const annotation = fc.record({
  transcript: fc.nat(4),
  annotator: fc.nat(3),
  submitted: fc.integer({ min: 0, max: 4 }).map((n) => n > 0), // mostly submitted, some drafts
  verdict: fc.option(fc.constantFrom("no", "partial", "full"), { nil: undefined }),
  compliance: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  unmasking: fc.option(fc.boolean(), { nil: undefined }),
  spans: fc.array(span, { maxLength: 3 }),
});
const arrangement = fc.uniqueArray(annotation, { selector: (a) => `${a.transcript}:${a.annotator}`, maxLength: 14 });

describe("agreement from PostgreSQL's counts", () => {
  it("equals the computation from the raw ratings, overall and per variation, for any arrangement", async () => {
    const { labels } = await getCurrentSchema();
    const where = Prisma.sql`t.id IN (${Prisma.join(transcripts)})`;
    await fc.assert(
      fc.asyncProperty(arrangement, async (annotations) => {
        const submitted: AnnotatorRating[] = [];
        try {
          for (const a of annotations) {
            const values = Object.fromEntries(
              Object.entries({ af_verdict: a.verdict, compliance: a.compliance, unmonitored_unmasking: a.unmasking }).filter(
                ([, value]) => value !== undefined,
              ),
            ) as AnnotatorRating["values"];
            const spans = a.spans.map((s) => ({ labelKey: s.labelKey, start: s.start, end: s.start + s.length }));
            const transcriptId = transcripts[a.transcript];
            const annotatorId = annotators[a.annotator];
            const { rows } = await fixtures.client.query<{ id: number }>(
              `INSERT INTO annotations (transcript_id, annotator_id, schema_version, values, submitted_at)
               VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
              [transcriptId, annotatorId, schemaVersion, JSON.stringify(values), a.submitted],
            );
            for (const s of spans)
              await fixtures.client.query(
                `INSERT INTO annotation_spans (annotation_id, label_key, start, "end", text) VALUES ($1, $2, $3, $4, '')`,
                [rows[0].id, s.labelKey, s.start, s.end],
              );
            if (a.submitted) submitted.push({ transcriptId, annotatorId, values, spans });
          }
          const { overall, byVariation } = await agreementOverallAndByVariation({ where });
          expect(overall).toEqual(sameAgreement(agreementFromRatings(labels, submitted)));
          const variations = [...new Set(submitted.map((r) => variationOf.get(r.transcriptId)!))].sort((x, y) => x - y);
          expect([...byVariation.keys()]).toEqual(variations);
          for (const variation of variations) {
            const own = submitted.filter((r) => variationOf.get(r.transcriptId) === variation);
            expect(byVariation.get(variation)).toEqual(sameAgreement(agreementFromRatings(labels, own)));
          }
          // One label asked for (an analytics chart): the same figures for it, the other labels not computed.
          const one = await agreementByVariation({ where, labelKeys: ["criterion_a"] });
          for (const [variation, rows] of one)
            expect(rows).toEqual(byVariation.get(variation)!.filter((r) => r.labelKey === "criterion_a"));
          // A chart's setting, read from the per-variation counts the write path keeps: the same figures.
          expect(await agreementByVariation({ settingId, labelKeys: ["criterion_a"] })).toEqual(one);
          expect(await agreementByVariation({ settingId })).toEqual(byVariation);
          // A model narrows the transcripts within the setting: back to the units, still the same.
          expect(await agreementByVariation({ settingId, where: Prisma.sql`t.model_id = ${modelId}` })).toEqual(byVariation);
        } finally {
          await fixtures.client.query("DELETE FROM annotations WHERE transcript_id = ANY($1)", [transcripts]);
        }
      }),
      { numRuns: 25 },
    );
  });
});
