import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { importQuerySchema, queryObject } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { parseMapping } from "@/lib/imports/mapping";
import { findMapping } from "@/lib/imports/stored-mappings";
import { readImportBody } from "@/lib/imports/web/api-upload";
import { enqueueImport } from "@/lib/imports/web/enqueue";
import { cleanFileName, discardUpload } from "@/lib/imports/web/uploads";

/**
 * POST /api/v1/imports?file_name=run.jsonl[&format=&dataset=&strict=&mapping=NAME]:
 * the body is the file itself, or multipart/form-data with parts `file` and
 * `mapping` (the mapping's JSON); any size, streamed into storage. The import
 * is queued and a worker runs it through the same engine as `npm run import`,
 * recorded as the token's user; answers 202 with the import's id and where to
 * follow it.
 */
export const POST = withApiAuth("lead", async (request, _context: unknown, user) => {
  const query = parseInput(importQuerySchema, queryObject(request.url), "query");
  const fileName = cleanFileName(query.file_name);
  const { upload, mappingText: partText } = await readImportBody(request, fileName, user.id);
  let mappingText: string | undefined;
  try {
    if (upload.size === 0) throw new UserFacingError("The file is empty.");
    if (query.mapping !== undefined && partText !== undefined)
      throw new UserFacingError("Give the mapping once: by name (?mapping=) or as the mapping part, not both.");
    if (query.mapping !== undefined) {
      // A mapping by name goes on the queue as its text, as if it had been sent: the job needs nothing but its payload.
      const found = await findMapping(query.mapping);
      if (!found.ok) throw new UserFacingError(found.message);
      mappingText = found.text;
    } else if (partText !== undefined) {
      const parsed = parseMapping(partText);
      if (!parsed.ok) throw new UserFacingError(`The mapping is not valid: ${parsed.errors.join("; ")}`);
      mappingText = partText;
    }
  } catch (error) {
    await discardUpload(upload.id);
    throw error;
  }
  const importId = await enqueueImport(
    pgPool(),
    upload,
    { format: query.format, mappingText, dataset: query.dataset, strict: query.strict === "true", systemPrompts: [] },
    { userId: user.id, createdBy: `api:${user.email}` },
  );
  return apiJson({ import_id: importId, status_url: `/api/v1/imports/${importId}` }, 202);
});
