import { startImport } from "@/lib/access/imports";
import { importAcceptedAnswer } from "@/lib/api/answers";
import { importQuerySchema } from "@/lib/api/schemas";
import { cleanFileName, findUpload, saveUpload } from "@/lib/imports/web/uploads";
import { invalid } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * POST /api/v1/imports?file_name=run.jsonl[&format=&dataset=&strict=]: the
 * request body is the file itself (any size: streamed to disk). The import
 * runs in the background through the same engine as `npm run import`;
 * answers 202 with the import's id and where to follow it.
 */
export const POST = route(
  { auth: "token-or-session", role: "lead", query: importQuerySchema, output: importAcceptedAnswer, status: 202 },
  async ({ request, query }) => {
    if (!request.body) throw invalid("The request has no body: send the file's bytes as the body.");
    const fileName = cleanFileName(query.file_name);
    const saved = await saveUpload(request.body, fileName);
    const upload = await findUpload(saved.id);
    if (!upload) throw new Error(`upload ${saved.id} vanished`);
    if (upload.size === 0) throw invalid("The file is empty.");
    const importId = await startImport(
      { filePath: upload.path, fileName, format: query.format, dataset: query.dataset, strict: query.strict === "true" },
      upload.id,
      "api",
    );
    return { import_id: importId, status_url: `/api/v1/imports/${importId}` };
  },
);
