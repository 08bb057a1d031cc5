import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { UserFacingError } from "@/lib/auth/errors";
import { parseInput, withApiAuth } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { exportFilePath } from "@/lib/exports/jobs";

const CONTENT_TYPES: Record<string, string> = {
  jsonl: "application/jsonl; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

/** GET /api/v1/exports/:id/files/<name>: one file of a finished export, streamed from disk. */
export const GET = withApiAuth("lead", async (_request, context: { params: Promise<{ id: string; name: string[] }> }) => {
  const params = await context.params;
  const { id } = parseInput(idParamsSchema, { id: params.id }, "path");
  const name = params.name.join("/");
  const found = await exportFilePath(pgPool(), id, name);
  if (!found) throw new UserFacingError(`Export ${id} has no file "${name}" (or it has not finished).`, 404);
  const stream = Readable.toWeb(createReadStream(found.path)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "content-type": CONTENT_TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream",
      "content-length": String(found.file.bytes),
      "content-disposition": `attachment; filename="export-${id}-${name.replaceAll("/", "-")}"`,
      "cache-control": "no-store",
      ...(found.file.sha256 ? { "x-checksum-sha256": found.file.sha256 } : {}),
    },
  });
});
