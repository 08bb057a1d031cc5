import { Prisma } from "@/lib/generated/prisma/client";
import { toListFilters, type TranscriptFiltersInput } from "@/lib/exports/request";
import { filterConditions } from "@/lib/transcripts/list-sql";
import { leadScope } from "@/lib/transcripts/list-scope";

const { sql, join, empty } = Prisma;

/**
 * The transcripts a run judges: the transcripts table's own filter
 * (lib/transcripts/list-sql.ts, through the table's URL parser), read with a
 * lead's scope (judges are lead tools), in id order, with what the prompt needs.
 */
export function targetsSql(filters: TranscriptFiltersInput, viewerId: string | undefined, afterId: number, limit: number): Prisma.Sql {
  const conditions = [sql`t.id > ${afterId}::int`, ...filterConditions(toListFilters(filters), leadScope(viewerId))];
  return sql`SELECT t.id, t.scratchpad_text, coalesce(t.final_output, '') AS final_output, coalesce(q.text, '') AS user_input
    FROM transcripts t JOIN queries q ON q.id = t.query_id
    ${conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty}
    ORDER BY t.id LIMIT ${limit}::int`;
}

export function targetCountSql(filters: TranscriptFiltersInput, viewerId: string | undefined): Prisma.Sql {
  const conditions = filterConditions(toListFilters(filters), leadScope(viewerId));
  return sql`SELECT count(*)::int AS n FROM transcripts t ${conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty}`;
}
