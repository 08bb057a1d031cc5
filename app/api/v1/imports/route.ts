import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { importQuerySchema, queryObject } from "@/lib/api/schemas";
import { startImportInBackground } from "@/lib/imports/web/background";
import { cleanFileName, findUpload, saveUpload } from "@/lib/imports/web/uploads";

/**
 * POST /api/v1/imports?file_name=run.jsonl[&format=&dataset=&strict=]: the
 * request body is the file itself (any size: streamed to disk). The import
 * runs in the background through the same engine as `npm run import`;
 * answers 202 with the import's id and where to follow it.
 */
export const POST = withApiAuth("lead", async (request, _context: unknown, user) => {
  const query = parseInput(importQuerySchema, queryObject(request.url), "query");
  if (!request.body) throw new UserFacingError("The request has no body: send the file's bytes as the body.");
  const fileName = cleanFileName(query.file_name);
  const saved = await saveUpload(request.body, fileName);
  const upload = await findUpload(saved.id);
  if (!upload) throw new Error(`upload ${saved.id} vanished`);
  if (upload.size === 0) throw new UserFacingError("The file is empty.");
  const importId = await startImportInBackground(
    {
      filePath: upload.path,
      fileName,
      format: query.format,
      dataset: query.dataset,
      strict: query.strict === "true",
      createdBy: `api:${user.email}`,
    },
    upload.id,
  );
  return apiJson({ import_id: importId, status_url: `/api/v1/imports/${importId}` }, 202);
});
