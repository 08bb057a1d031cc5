import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCurrentSchema, getSchemaVersion } from "./schema";
import type { LabelSchema } from "./schema-definition";
import { sortSpans, type LabelValues, type SpanInput } from "./values";

/** One annotation as the panel and the summaries need it (dates as ISO strings: it crosses to the browser). */
export interface AnnotationView {
  annotatorId: string;
  annotatorName: string;
  version: number;
  schemaVersion: number;
  values: LabelValues;
  note: string;
  spans: SpanInput[];
  submittedAt: string | null;
  updatedAt: string;
}

const annotationSelect = {
  annotatorId: true,
  version: true,
  schemaVersion: true,
  values: true,
  note: true,
  submittedAt: true,
  updatedAt: true,
  annotator: { select: { name: true } },
  spans: { select: { labelKey: true, start: true, end: true, text: true } },
} satisfies Prisma.AnnotationSelect;

type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

function toView(row: AnnotationRow): AnnotationView {
  return {
    annotatorId: row.annotatorId,
    annotatorName: row.annotator.name,
    version: row.version,
    schemaVersion: row.schemaVersion,
    values: row.values as LabelValues,
    note: row.note,
    spans: sortSpans(row.spans),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface AnnotationContext {
  scratchpadText: string;
  /** The schema new annotations use. */
  current: LabelSchema;
  /** The signed-in user's annotation of this transcript, and the schema version it was made under. */
  mine: { annotation: AnnotationView; schema: LabelSchema } | null;
}

/** What the annotation panel needs for one transcript, or null if there is no such transcript. */
export async function getAnnotationContext(transcriptId: number, userId: string): Promise<AnnotationContext | null> {
  const [transcript, mine, current] = await Promise.all([
    db().transcript.findUnique({ where: { id: transcriptId }, select: { scratchpadText: true } }),
    db().annotation.findUnique({ where: { transcriptId_annotatorId: { transcriptId, annotatorId: userId } }, select: annotationSelect }),
    getCurrentSchema(),
  ]);
  if (!transcript) return null;
  const mineSchema = mine ? await getSchemaVersion(mine.schemaVersion) : null;
  return {
    scratchpadText: transcript.scratchpadText,
    current,
    mine: mine && mineSchema ? { annotation: toView(mine), schema: mineSchema } : null,
  };
}

/** Every annotator's annotation of a transcript with the schema version each was made under (leads). */
export async function listTranscriptAnnotations(transcriptId: number): Promise<{ annotation: AnnotationView; schema: LabelSchema }[]> {
  const rows = await db().annotation.findMany({ where: { transcriptId }, select: annotationSelect, orderBy: { createdAt: "asc" } });
  const schemas = new Map<number, LabelSchema>();
  for (const version of new Set(rows.map((row) => row.schemaVersion))) schemas.set(version, (await getSchemaVersion(version))!);
  return rows.map((row) => ({ annotation: toView(row), schema: schemas.get(row.schemaVersion)! }));
}

export interface AnnotationStatus {
  /** The user's own annotation: submitted, an autosaved draft, or none. */
  mine: "submitted" | "draft" | null;
  /** How many annotators submitted one. */
  submitted: number;
}

/** For a page of the transcripts table: each transcript's annotation status (a "Labels" column). */
export async function getAnnotationStatuses(transcriptIds: number[], userId: string): Promise<Map<number, AnnotationStatus>> {
  const statuses = new Map<number, AnnotationStatus>(transcriptIds.map((id) => [id, { mine: null, submitted: 0 }]));
  if (transcriptIds.length === 0) return statuses;
  const rows = await db().$queryRaw<{ transcript_id: number; submitted: number; mine: "submitted" | "draft" | null }[]>`
    SELECT transcript_id,
           count(*) FILTER (WHERE submitted_at IS NOT NULL)::int AS submitted,
           max(CASE WHEN annotator_id = ${userId} THEN CASE WHEN submitted_at IS NULL THEN 'draft' ELSE 'submitted' END END) AS mine
    FROM annotations WHERE transcript_id = ANY(${transcriptIds}::int[]) GROUP BY transcript_id`;
  for (const row of rows) statuses.set(row.transcript_id, { mine: row.mine, submitted: row.submitted });
  return statuses;
}
