"use server";

import { z } from "zod";
import { pgPool } from "@/lib/db/pg-pool";
import { storage } from "@/lib/storage";
import { importFormatSchema } from "../formats";
import { parseMapping } from "../mapping";
import { previewFile, type Preview } from "../preview";
import { enqueueImport } from "./enqueue";
import { withUploadFile } from "./upload-files";
import { findUpload, uploadIdSchema } from "./uploads";
import { requireRole } from "@/lib/auth/server";

/**
 * The import page's two steps after the upload: see the first records as
 * they will be stored (with a mapping, if the user wrote one), then start.
 * Inputs are checked here; an expected problem comes back as a message.
 */
type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

const previewInput = z.object({
  uploadId: uploadIdSchema,
  format: importFormatSchema.optional(),
  mappingText: z.string().max(200_000).optional(),
});

const startInput = previewInput.extend({
  dataset: z.string().trim().max(200).optional(),
  strict: z.boolean().default(false),
  systemPrompt: z.object({ fileName: z.string().min(1).max(255), text: z.string().min(1).max(500_000) }).optional(),
});

export type PreviewInput = z.input<typeof previewInput>;
export type StartInput = z.input<typeof startInput>;

const GONE = "The uploaded file is no longer on the server (it was imported already, or removed after a day). Upload it again.";
/** The preview reads the first records: with object storage, only the file's start is fetched. */
const PREVIEW_BYTES = 16 * 1024 * 1024;

export async function previewUpload(input: PreviewInput): Promise<Result<{ preview: Preview }>> {
  await requireRole("lead");
  const parsed = previewInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Invalid request." };
  const upload = await findUpload(parsed.data.uploadId);
  if (!upload) return { ok: false, message: GONE };
  try {
    const preview = await withUploadFile(
      storage(),
      upload.id,
      (filePath) => previewFile(filePath, upload.fileName, { format: parsed.data.format, mappingText: parsed.data.mappingText }),
      { maxBytes: PREVIEW_BYTES },
    );
    return preview ? { ok: true, preview } : { ok: false, message: GONE };
  } catch (error) {
    console.error("Preview failed:", error);
    return { ok: false, message: "The preview failed unexpectedly; the error is in the server log." };
  }
}

export async function startImport(input: StartInput): Promise<Result<{ importId: number }>> {
  const user = await requireRole("lead");
  const parsed = startInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Invalid request." };
  const { uploadId, format, mappingText, dataset, strict, systemPrompt } = parsed.data;
  const upload = await findUpload(uploadId);
  if (!upload) return { ok: false, message: GONE };
  if (mappingText?.trim()) {
    const result = parseMapping(mappingText);
    if (!result.ok) return { ok: false, message: `The mapping is not valid: ${result.errors.join("; ")}` };
  }
  try {
    const importId = await enqueueImport(
      pgPool(),
      upload,
      {
        format,
        mappingText: mappingText?.trim() ? mappingText : undefined,
        dataset: dataset || undefined,
        strict,
        systemPrompts: systemPrompt ? [{ text: systemPrompt.text, from: systemPrompt.fileName }] : [],
      },
      { userId: user.id, createdBy: "web" },
    );
    return { ok: true, importId };
  } catch (error) {
    console.error("Import could not be queued:", error);
    return { ok: false, message: "The import could not start (is the database reachable?). The error is in the server log." };
  }
}
