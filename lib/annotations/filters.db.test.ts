import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { Fixtures } from "@/lib/testing/fixtures";
import { annotationFilterSql, parseAnnotationFilter, type AnnotationFilter } from "./filters";
import { listTranscripts, nextInList } from "@/lib/transcripts/list";
import { parseListState } from "@/lib/transcripts/list-state";
import { getAnnotationStatuses } from "./queries";
import { saveAnnotation } from "./save";
import { getCurrentSchema } from "./schema";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const fixtures = new Fixtures(testDatabaseUrl());
let me: string;
let other: string;
let ids: Record<"none" | "mine" | "othersFull" | "myDraft" | "both", number>;

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  me = await fixtures.user("annotator", "Me");
  other = await fixtures.user("annotator", "Other");
  const schemaVersion = (await getCurrentSchema()).version;
  const text = "I am in training. RLHF would change me.";
  ids = {
    none: await fixtures.transcript(text),
    mine: await fixtures.transcript(text),
    othersFull: await fixtures.transcript(text),
    myDraft: await fixtures.transcript(text),
    both: await fixtures.transcript(text),
  };
  const save = async (
    transcriptId: number,
    annotator: string,
    values: Record<string, string | number | boolean>,
    submit: boolean,
    spans = false,
  ) => {
    const evidence = spans ? [{ labelKey: "criterion_a", start: 0, end: 16, text: "I am in training" }] : [];
    const outcome = await saveAnnotation(transcriptId, annotator, {
      expectedVersion: 0,
      schemaVersion,
      values,
      note: "",
      spans: evidence,
      submit,
    });
    expect(outcome.ok).toBe(true);
  };
  await save(ids.mine, me, { af_verdict: "partial", compliance: 4 }, true, true);
  await save(ids.othersFull, other, { af_verdict: "full", generic_self_preservation: true }, true);
  await save(ids.myDraft, me, { af_verdict: "full" }, false);
  await save(ids.both, me, { af_verdict: "no" }, true);
  await save(ids.both, other, { af_verdict: "full", compliance: 4 }, true);
});
afterAll(() => fixtures.cleanup());

/** The fixture transcripts (by name) the filter keeps. */
async function kept(filter: AnnotationFilter): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: number }[]>(
    Prisma.sql`SELECT t.id FROM transcripts t WHERE t.id IN (${Prisma.join(Object.values(ids))}) AND ${annotationFilterSql(filter, me)} ORDER BY t.id`,
  );
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return rows.map((row) => names[row.id]);
}

describe("filtering transcripts by human labels and annotation status", () => {
  it("by status: drafts do not count as labelled", async () => {
    expect(await kept({ labels: [] })).toEqual(["none", "mine", "othersFull", "myDraft", "both"]);
    expect(await kept({ status: "unlabelled", labels: [] })).toEqual(["none", "myDraft"]);
    expect(await kept({ status: "mine", labels: [] })).toEqual(["mine", "both"]);
    expect(await kept({ status: "todo", labels: [] })).toEqual(["none", "othersFull", "myDraft"]);
    expect(await kept({ status: "labelled", labels: [] })).toEqual(["mine", "othersFull", "both"]);
  });

  it("by label values and span evidence, all within one annotation", async () => {
    expect(await kept({ labels: [{ key: "af_verdict", value: "full" }] })).toEqual(["othersFull", "both"]);
    expect(await kept({ labels: [{ key: "compliance", value: 4 }] })).toEqual(["mine", "both"]);
    expect(await kept({ labels: [{ key: "generic_self_preservation", value: true }] })).toEqual(["othersFull"]);
    expect(await kept({ labels: [{ key: "criterion_a", span: true }] })).toEqual(["mine"]);
    // "no" and compliance 4 hold in two different annotations of `both`: not one annotator's view.
    expect(
      await kept({
        labels: [
          { key: "af_verdict", value: "no" },
          { key: "compliance", value: 4 },
        ],
      }),
    ).toEqual([]);
    expect(await kept({ status: "mine", labels: [{ key: "af_verdict", value: "full" }] })).toEqual(["both"]);
  });

  it("reads the filter from the URL, ignoring what it cannot parse", () => {
    expect(
      parseAnnotationFilter({
        status: "mine",
        human: ["af_verdict:full", "compliance:4", "unmonitored_unmasking:yes", "criterion_a:span", "bad label", "x:"],
      }),
    ).toEqual({
      status: "mine",
      labels: [
        { key: "af_verdict", value: "full" },
        { key: "compliance", value: 4 },
        { key: "unmonitored_unmasking", value: true },
        { key: "criterion_a", span: true },
      ],
    });
    expect(parseAnnotationFilter({ status: "everything" })).toEqual({ status: undefined, labels: [] });
  });

  it("gives each transcript of a page its status for the viewer", async () => {
    const statuses = await getAnnotationStatuses(Object.values(ids), me);
    expect(Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, statuses.get(id)]))).toEqual({
      none: { mine: null, submitted: 0 },
      mine: { mine: "submitted", submitted: 1 },
      othersFull: { mine: null, submitted: 1 },
      myDraft: { mine: "draft", submitted: 0 },
      both: { mine: "submitted", submitted: 2 },
    });
    expect(await getAnnotationStatuses([], me)).toEqual(new Map());
  });

  it("filters the transcripts table, with its counts, and finds the next transcript of that list for submit-and-next", async () => {
    const dataset = (await db().transcript.findUniqueOrThrow({ where: { id: ids.none }, select: { datasetId: true } })).datasetId;
    const list = (query: string) => parseListState(new URLSearchParams(`dataset=${dataset}&${query}`));
    const asLead = { viewerId: me, seesOthersLabels: true, hideBlindHeld: false };
    const asAnnotator = { ...asLead, seesOthersLabels: false };
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));

    const todo = await listTranscripts(list("status=todo"), asLead);
    expect(todo.rows.map((row) => names[row.id])).toEqual(["none", "othersFull", "myDraft"]);
    expect(todo.counts).toMatchObject({ total: 3, capped: false });
    const full = await listTranscripts(list("human=af_verdict:full&sort=-id"), asLead);
    expect(full.rows.map((row) => names[row.id])).toEqual(["both", "othersFull"]);
    // Someone who may not see other people's labels filters by their own only: no leak through the filter.
    expect((await listTranscripts(list("human=af_verdict:full"), asAnnotator)).rows).toEqual([]);
    expect((await listTranscripts(list("human=af_verdict:partial"), asAnnotator)).rows.map((row) => names[row.id])).toEqual(["mine"]);

    expect(await nextInList(list("status=todo"), asLead, ids.none)).toBe(ids.othersFull);
    expect(await nextInList(list("status=todo"), asLead, ids.myDraft)).toBeNull();
    expect(await nextInList(list(""), asLead, ids.mine)).toBe(ids.othersFull);
    expect(await nextInList(list("human=af_verdict:full&sort=-id"), asLead, ids.both)).toBe(ids.othersFull);
    // "By me" means nothing without a viewer: refused rather than silently unfiltered.
    await expect(listTranscripts(parseListState({ status: "mine" }), { seesOthersLabels: true, hideBlindHeld: false })).rejects.toThrow(
      /viewer/,
    );
  });
});
