import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { importQuerySchema, queryObject } from "@/lib/api/schemas";
import { parseMapping, type Mapping } from "@/lib/imports/mapping";
import { findMapping } from "@/lib/imports/stored-mappings";
import { readImportBody } from "@/lib/imports/web/api-upload";
import { startImportInBackground } from "@/lib/imports/web/background";
import { cleanFileName, findUpload, removeUpload } from "@/lib/imports/web/uploads";

/**
 * POST /api/v1/imports?file_name=run.jsonl[&format=&dataset=&strict=&mapping=NAME]:
 * the body is the file itself, or multipart/form-data with parts `file` and
 * `mapping` (the mapping's JSON); any size, streamed to disk. The import runs
 * in the background through the same engine as `npm run import`, recorded as
 * the token's user; answers 202 with the import's id and where to follow it.
 */
export const POST = withApiAuth("lead", async (request, _context: unknown, user) => {
  const query = parseInput(importQuerySchema, queryObject(request.url), "query");
  const fileName = cleanFileName(query.file_name);
  const { upload: saved, mappingText } = await readImportBody(request, fileName);
  const upload = await findUpload(saved.id);
  if (!upload) throw new Error(`upload ${saved.id} vanished`);
  let mapping: Mapping | undefined;
  try {
    if (upload.size === 0) throw new UserFacingError("The file is empty.");
    if (query.mapping !== undefined && mappingText !== undefined)
      throw new UserFacingError("Give the mapping once: by name (?mapping=) or as the mapping part, not both.");
    if (query.mapping !== undefined) {
      const found = await findMapping(query.mapping);
      if (!found.ok) throw new UserFacingError(found.message);
      mapping = found.mapping;
    } else if (mappingText !== undefined) {
      const parsed = parseMapping(mappingText);
      if (!parsed.ok) throw new UserFacingError(`The mapping is not valid: ${parsed.errors.join("; ")}`);
      mapping = parsed.mapping;
    }
  } catch (error) {
    await removeUpload(upload.id);
    throw error;
  }
  const importId = await startImportInBackground(
    {
      filePath: upload.path,
      fileName,
      format: query.format,
      mapping,
      dataset: query.dataset,
      strict: query.strict === "true",
      createdBy: `api:${user.email}`,
      userId: user.id,
    },
    upload.id,
  );
  return apiJson({ import_id: importId, status_url: `/api/v1/imports/${importId}` }, 202);
});
