import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { importQuerySchema, queryObject } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { enqueueImport } from "@/lib/imports/web/enqueue";
import { cleanFileName, saveUpload } from "@/lib/imports/web/uploads";

/**
 * POST /api/v1/imports?file_name=run.jsonl[&format=&dataset=&strict=]: the
 * request body is the file itself (any size: streamed into storage). The
 * import is queued and a worker runs it through the same engine as `npm run
 * import`; answers 202 with the import's id and where to follow it.
 */
export const POST = withApiAuth("lead", async (request, _context: unknown, user) => {
  const query = parseInput(importQuerySchema, queryObject(request.url), "query");
  if (!request.body) throw new UserFacingError("The request has no body: send the file's bytes as the body.");
  const fileName = cleanFileName(query.file_name);
  const upload = await saveUpload(request.body, fileName, user.id);
  if (upload.size === 0) throw new UserFacingError("The file is empty.");
  const importId = await enqueueImport(
    pgPool(),
    upload,
    { format: query.format, dataset: query.dataset, strict: query.strict === "true", systemPrompts: [] },
    { userId: user.id, createdBy: `api:${user.email}` },
  );
  return apiJson({ import_id: importId, status_url: `/api/v1/imports/${importId}` }, 202);
});
