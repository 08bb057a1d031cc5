import { receiveUpload, startImport } from "@/lib/access/imports";
import { importAcceptedAnswer } from "@/lib/api/answers";
import { importQuerySchema } from "@/lib/api/schemas";
import { invalid } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * POST /api/v1/imports?file_name=run.jsonl[&format=&dataset=&strict=]: the
 * request body is the file itself (any size: streamed into storage). The
 * import is queued and a worker runs it through the same engine as `npm run
 * import`; answers 202 with the import's id and where to follow it.
 */
export const POST = route(
  { auth: "token-or-session", role: "lead", query: importQuerySchema, output: importAcceptedAnswer, status: 202 },
  async ({ request, query }) => {
    if (!request.body) throw invalid("The request has no body: send the file's bytes as the body.");
    const upload = await receiveUpload(request.body, query.file_name);
    if (upload.size === 0) throw invalid("The file is empty.");
    const importId = await startImport(
      upload,
      { format: query.format, dataset: query.dataset, strict: query.strict === "true", systemPrompts: [] },
      "api",
    );
    return { import_id: importId, status_url: `/api/v1/imports/${importId}` };
  },
);
