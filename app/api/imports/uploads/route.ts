import { uploadAnswer } from "@/lib/api/answers";
import { receiveUpload } from "@/lib/access/imports";
import { invalid } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * Receives a file for import as the raw request body (not multipart), with
 * its name in `x-file-name`, and streams it into storage: a file of any size
 * never sits in the server's memory or on its disk. Answers with the upload's id, name, size and hash.
 */
export const POST = route({ auth: "session", role: "lead", output: uploadAnswer, status: 201 }, async ({ request }) => {
  if (!request.body) throw invalid("The request has no file.");
  return receiveUpload(request.body, request.headers.get("x-file-name"));
});
