import { uploadSchema, type Upload } from "@/lib/imports/web/upload-schema";

/**
 * Sends a file as the raw request body (the server streams it to disk).
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadFile(file: File, onProgress: (loaded: number, total: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/imports/uploads");
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onerror = () => reject(new Error("The upload failed: the server could not be reached."));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // not JSON: handled below
      }
      const upload = uploadSchema.safeParse(body);
      if (request.status === 201 && upload.success) resolve(upload.data);
      else reject(new Error((body as { message?: string } | null)?.message ?? `The upload failed (HTTP ${request.status}).`));
    };
    request.send(file);
  });
}
