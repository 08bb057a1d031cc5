import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { exportFile } from "@/lib/access/exports";
import { idSchema } from "@/lib/schemas";
import { notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { storage } from "@/lib/storage";

const CONTENT_TYPES: Record<string, string> = {
  jsonl: "application/jsonl; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

const fileParams = z.object({ id: idSchema, name: z.array(z.string().min(1).max(200)).min(1).max(4) });

/**
 * GET /api/v1/exports/:id/files/<name>: one file of a finished export, from
 * storage, whichever server or worker wrote it: streamed through this server,
 * or a redirect to a short-lived presigned URL (S3_PRESIGNED_DOWNLOADS=true).
 */
export const GET = route({ auth: "token-or-session", role: "lead", params: fileParams }, async ({ params }) => {
  const name = params.name.join("/");
  const found = await exportFile(params.id, name);
  const contentType = CONTENT_TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream";
  const fileName = `export-${params.id}-${name.replaceAll("/", "-")}`;
  let body: Readable | null;
  if ("storageKey" in found) {
    const url = await storage().downloadUrl(found.storageKey, { fileName, contentType });
    if (url) return new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
    body = await storage().read(found.storageKey);
  } else {
    body = createReadStream(found.legacyPath);
  }
  if (!body) throw notFound(`Export ${params.id}'s file "${name}" is missing from storage.`);
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
