import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { UserFacingError } from "@/lib/auth/errors";
import { parseInput, withApiAuth } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { exportFileLocation } from "@/lib/exports/jobs";
import { storage } from "@/lib/storage";

const CONTENT_TYPES: Record<string, string> = {
  jsonl: "application/jsonl; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

/**
 * GET /api/v1/exports/:id/files/<name>: one file of a finished export, from
 * storage, whichever server or worker wrote it: streamed through this server,
 * or a redirect to a short-lived presigned URL (S3_PRESIGNED_DOWNLOADS=true).
 */
export const GET = withApiAuth("lead", async (_request, context: { params: Promise<{ id: string; name: string[] }> }) => {
  const params = await context.params;
  const { id } = parseInput(idParamsSchema, { id: params.id }, "path");
  const name = params.name.join("/");
  const found = await exportFileLocation(pgPool(), id, name);
  if (!found) throw new UserFacingError(`Export ${id} has no file "${name}" (or it has not finished).`, 404);
  const contentType = CONTENT_TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream";
  const fileName = `export-${id}-${name.replaceAll("/", "-")}`;
  let body: Readable | null;
  if ("storageKey" in found) {
    const url = await storage().downloadUrl(found.storageKey, { fileName, contentType });
    if (url) return new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
    body = await storage().read(found.storageKey);
  } else {
    body = createReadStream(found.legacyPath);
  }
  if (!body) throw new UserFacingError(`Export ${id}'s file "${name}" is missing from storage.`, 404);
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": contentType,
      "content-length": String(found.file.bytes),
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      ...(found.file.sha256 ? { "x-checksum-sha256": found.file.sha256 } : {}),
    },
  });
});
