import { discardOnFailure, receiveImportBody, startImport } from "@/lib/access/imports";
import { importAcceptedAnswer } from "@/lib/api/answers";
import { importQuerySchema } from "@/lib/api/schemas";
import { apiMappingText } from "@/lib/imports/web/api-mapping";
import { invalid } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * POST /api/v1/imports?file_name=run.jsonl[&format=&dataset=&strict=&mapping=NAME]:
 * the body is the file itself, or multipart/form-data with parts `file` and
 * `mapping` (the mapping's JSON); any size, streamed into storage. The import
 * is queued and a worker runs it through the same engine as `npm run import`,
 * recorded as the token's user; answers 202 with the import's id and where to
 * follow it.
 */
export const POST = route(
  { auth: "token-or-session", role: "lead", query: importQuerySchema, output: importAcceptedAnswer, status: 202 },
  async ({ request, query }) => {
    const { upload, mappingText: part } = await receiveImportBody(request, query.file_name);
    const mappingText = await discardOnFailure(upload, async () => {
      if (upload.size === 0) throw invalid("The file is empty.");
      return apiMappingText(query.mapping, part);
    });
    const importId = await startImport(
      upload,
      { format: query.format, mappingText, dataset: query.dataset, strict: query.strict === "true", systemPrompts: [] },
      "api",
    );
    return { import_id: importId, status_url: `/api/v1/imports/${importId}` };
  },
);
