import "server-only";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { DELETE_SQL, DELETE_STATEMENT, SAVE_SQL, SAVE_STATEMENT, saveParameters, type DeleteRow, type SaveRow } from "./save-sql";
import { getSchemaVersion } from "./schema";
import { getScratchpadText } from "./scratchpad-cache";
import { annotationProblems, type SaveAnnotationInput } from "./values";

export type SaveOutcome =
  | { ok: true; version: number; submittedAt: Date | null; created: boolean }
  | { ok: false; reason: "conflict"; currentVersion: number | null }
  | { ok: false; reason: "invalid"; problems: string[] }
  | { ok: false; reason: "not_found" };

/**
 * Saves `annotatorId`'s annotation of a transcript: validated against its
 * schema version and the stored scratchpad text, then written with the audit
 * row in one statement (lib/annotations/save-sql.ts).
 */
export async function saveAnnotation(transcriptId: number, annotatorId: string, input: SaveAnnotationInput): Promise<SaveOutcome> {
  const [schema, scratchpadText] = await Promise.all([
    getSchemaVersion(input.schemaVersion),
    input.spans.length ? getScratchpadText(transcriptId) : Promise.resolve(""),
  ]);
  if (scratchpadText === null) return { ok: false, reason: "not_found" };
  if (!schema) return { ok: false, reason: "invalid", problems: [`there is no label schema version ${input.schemaVersion}`] };
  const problems = annotationProblems(schema.labels, input, scratchpadText);
  if (problems.length) return { ok: false, reason: "invalid", problems };

  let row: SaveRow;
  try {
    ({
      rows: [row],
    } = await pgPool().query<SaveRow>({
      name: SAVE_STATEMENT,
      text: SAVE_SQL,
      values: saveParameters({ transcriptId, annotatorId, ...input }),
    }));
  } catch (error) {
    const code = postgresErrorCode(error);
    if (code === "23505") return { ok: false, reason: "conflict", currentVersion: await currentVersion(transcriptId, annotatorId) };
    if (code === "23503") return { ok: false, reason: "not_found" };
    throw error;
  }
  if (row.id === null || row.version === null) return { ok: false, reason: "conflict", currentVersion: row.current_version };
  return { ok: true, version: row.version, submittedAt: row.submitted_at, created: row.current_version === null };
}

export type DeleteOutcome = { ok: true } | { ok: false; reason: "conflict"; currentVersion: number | null };

/** Deletes the annotation if it is still at `expectedVersion`; the audit log keeps what it held. */
export async function deleteAnnotation(transcriptId: number, annotatorId: string, expectedVersion: number): Promise<DeleteOutcome> {
  const {
    rows: [row],
  } = await pgPool().query<DeleteRow>({ name: DELETE_STATEMENT, text: DELETE_SQL, values: [transcriptId, annotatorId, expectedVersion] });
  return row.id === null ? { ok: false, reason: "conflict", currentVersion: row.current_version } : { ok: true };
}

async function currentVersion(transcriptId: number, annotatorId: string): Promise<number | null> {
  const row = await db().annotation.findUnique({
    where: { transcriptId_annotatorId: { transcriptId, annotatorId } },
    select: { version: true },
  });
  return row?.version ?? null;
}

/** The PostgreSQL SQLSTATE inside whatever Prisma's driver adapter wrapped it in. */
export function postgresErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ["code", "originalCode"]) {
      if (typeof record[key] === "string" && /^[0-9A-Z]{5}$/.test(record[key] as string) && !(record[key] as string).startsWith("P"))
        return record[key] as string;
    }
    queue.push(record.cause, record.meta, record.driverAdapterError);
  }
  return undefined;
}
