// No "server-only": the transcripts list SQL (lib/transcripts/list-sql.ts) builds on this, and the benchmarks run it outside Next.
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationFilter, LabelCondition } from "./filter-params";

export { parseAnnotationFilter, annotationFilterParams, type AnnotationFilter } from "./filter-params";

/**
 * The filter as a condition on `transcripts t`, to AND into a list query:
 *
 *   SELECT ... FROM transcripts t WHERE <other filters> AND ${annotationFilterSql(filter, user.id)}
 *
 * "Labelled" means a submitted annotation (autosaved drafts do not count).
 * Label conditions use the GIN index on annotations.values (`@>`) and the
 * label_key index on spans. With `annotatorOnly` they look at that
 * annotator's annotation only (annotators filter by their own labels: a filter
 * on other people's would reveal them).
 */
export function annotationFilterSql(
  filter: AnnotationFilter,
  userId: string | undefined,
  options: { annotatorOnly?: string } = {},
): Prisma.Sql {
  if ((filter.status === "todo" || filter.status === "mine") && !userId)
    throw new Error(`The annotation status "${filter.status}" needs the viewer's id`);
  const parts: Prisma.Sql[] = [];
  const submitted = (extra: Prisma.Sql = Prisma.empty) =>
    Prisma.sql`EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id AND a.submitted_at IS NOT NULL ${extra})`;
  switch (filter.status) {
    case "unlabelled":
      parts.push(Prisma.sql`NOT ${submitted()}`);
      break;
    case "todo":
      parts.push(Prisma.sql`NOT ${submitted(Prisma.sql`AND a.annotator_id = ${userId}`)}`);
      break;
    case "mine":
      parts.push(submitted(Prisma.sql`AND a.annotator_id = ${userId}`));
      break;
    case "labelled":
      parts.push(submitted());
      break;
  }
  if (filter.labels.length) {
    const whose = options.annotatorOnly ? Prisma.sql`AND a.annotator_id = ${options.annotatorOnly}` : Prisma.empty;
    parts.push(submitted(Prisma.sql`${whose} AND ${Prisma.join(filter.labels.map(conditionSql), " AND ")}`));
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

function conditionSql(condition: LabelCondition): Prisma.Sql {
  if ("span" in condition) {
    return Prisma.sql`EXISTS (SELECT 1 FROM annotation_spans s WHERE s.annotation_id = a.id AND s.label_key = ${condition.key})`;
  }
  return Prisma.sql`a."values" @> ${JSON.stringify({ [condition.key]: condition.value })}::jsonb`;
}
