import { cleanFileName, saveUpload } from "@/lib/imports/web/uploads";
import { withSession } from "@/lib/auth/route";

/**
 * Receives a file for import as the raw request body (not multipart), with
 * its name in `x-file-name`, and streams it into storage: a file of any size
 * never sits in the server's memory or on its disk. Answers with the upload's id, name, size and hash.
 */
export const POST = withSession("lead", async (request: Request, _context: unknown, user) => {
  if (!request.body) return Response.json({ message: "The request has no file." }, { status: 400 });
  try {
    const upload = await saveUpload(request.body, cleanFileName(request.headers.get("x-file-name")), user.id);
    return Response.json(upload, { status: 201 });
  } catch (error) {
    console.error("Upload failed:", error);
    return Response.json({ message: "The upload failed; try again." }, { status: 500 });
  }
});
