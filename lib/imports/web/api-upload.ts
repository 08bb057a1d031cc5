import "server-only";
import { Readable } from "node:stream";
import Busboy from "busboy";
import { invalid } from "@/lib/server/errors";
import { cleanFileName, discardUpload, saveUpload } from "./uploads";
import type { Upload } from "./upload-schema";

const MAX_MAPPING_BYTES = 200_000;

/**
 * The body of POST /api/v1/imports: the file's bytes as they are, or
 * multipart/form-data with a `file` part (streamed into storage, never held
 * in memory) and an optional `mapping` part (the mapping's JSON text). The
 * upload is recorded as `userId`'s.
 */
export async function readImportBody(
  request: Request,
  fileName: string,
  userId: string,
): Promise<{ upload: Upload; mappingText?: string }> {
  if (!request.body) throw invalid("The request has no body: send the file's bytes, or multipart/form-data with a file part.");
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) return { upload: await saveUpload(request.body, fileName, userId) };

  const parser = Busboy({ headers: { "content-type": type }, limits: { files: 1, fieldSize: MAX_MAPPING_BYTES, fields: 4 } });
  let upload: Promise<Upload> | undefined;
  let mappingText: string | undefined;
  let problem: string | undefined;
  parser.on("file", (name, stream, info) => {
    if (name !== "file") {
      problem = `unexpected file part "${name}"; the file goes in the part named "file"`;
      stream.resume();
      return;
    }
    upload = saveUpload(
      Readable.toWeb(stream) as ReadableStream<Uint8Array>,
      fileName === "upload" && info.filename ? cleanFileName(info.filename) : fileName,
      userId,
    );
  });
  parser.on("field", (name, value, info) => {
    if (name === "mapping") {
      if (info.valueTruncated) problem = `the mapping part is longer than ${MAX_MAPPING_BYTES} bytes`;
      mappingText = value;
    } else problem = `unexpected part "${name}"; send "file" and, optionally, "mapping"`;
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.once("close", resolve);
    parser.once("error", reject);
  });
  Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>).pipe(parser);
  try {
    await done;
  } catch (error) {
    throw invalid(`The multipart body could not be read: ${(error as Error).message}`);
  }
  const saved = await upload;
  if (problem || !saved) {
    if (saved) await discardUpload(saved.id);
    throw invalid(problem ?? 'The multipart body has no part named "file".');
  }
  return { upload: saved, mappingText };
}
