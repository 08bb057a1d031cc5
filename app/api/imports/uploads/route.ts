import { uploadAnswer } from "@/lib/api/answers";
import { cleanFileName, saveUpload } from "@/lib/imports/web/uploads";
import { invalid } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * Receives a file for import as the raw request body (not multipart), with
 * its name in `x-file-name`, and streams it to disk: a file of any size never
 * sits in the server's memory. Answers with the upload's id, name, size and hash.
 */
export const POST = route({ auth: "session", role: "lead", output: uploadAnswer, status: 201 }, async ({ request }) => {
  if (!request.body) throw invalid("The request has no file.");
  return saveUpload(request.body, cleanFileName(request.headers.get("x-file-name")));
});
