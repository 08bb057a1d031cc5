import { UserFacingError } from "@/lib/auth/errors";
import { hasRole } from "@/lib/auth/roles";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/api/schemas";
import { db } from "@/lib/db/client";
import { isBlindHeld } from "@/lib/team/blind-holds";
import { buildExportRow, type RawExportRow } from "@/lib/exports/row";
import { transcriptSql } from "@/lib/exports/rows-sql";

/**
 * GET /api/v1/transcripts/:id: one transcript in the export's shape (texts,
 * messages, labels, spans with code-point and UTF-16 offsets, consensus).
 * Leads see every annotator's labels; an annotator only their own.
 */
export const GET = withApiAuth("annotator", async (_request, context: { params: Promise<{ id: string }> }, user) => {
  const { id } = parseInput(idParamsSchema, await context.params, "path");
  const [raw] = await db().$queryRaw<RawExportRow[]>(transcriptSql(id));
  // Held in one of the caller's blind queues: as absent as on the pages until they labelled it.
  if (!raw || (await isBlindHeld({ transcriptId: id }, user))) throw new UserFacingError(`There is no transcript ${id}.`, 404);
  const lead = hasRole(user.role, "lead");
  if (!lead) raw.annotations = (raw.annotations ?? []).filter((a) => a.annotator_id === user.id);
  const { split: _split, ...row } = buildExportRow(raw, {
    splitOf: () => "train",
    annotatorName: (annotator) => annotator,
    importedLabels: true,
  });
  return apiJson({ ...row, messages: JSON.parse(row.messages) });
});
