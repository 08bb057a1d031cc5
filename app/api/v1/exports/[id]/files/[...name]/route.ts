import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { exportFile } from "@/lib/access/exports";
import { idSchema } from "@/lib/schemas";
import { route } from "@/lib/server/route";

const CONTENT_TYPES: Record<string, string> = {
  jsonl: "application/jsonl; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

const fileParams = z.object({ id: idSchema, name: z.array(z.string().min(1).max(200)).min(1).max(4) });

/** GET /api/v1/exports/:id/files/<name>: one file of a finished export, streamed from disk. */
export const GET = route({ auth: "token-or-session", role: "lead", params: fileParams }, async ({ params }) => {
  const name = params.name.join("/");
  const found = await exportFile(params.id, name);
  const stream = Readable.toWeb(createReadStream(found.path)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "content-type": CONTENT_TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream",
      "content-length": String(found.file.bytes),
      "content-disposition": `attachment; filename="export-${params.id}-${name.replaceAll("/", "-")}"`,
      ...(found.file.sha256 ? { "x-checksum-sha256": found.file.sha256 } : {}),
    },
  });
});
