"use server";

import { z } from "zod";
import { pgPool } from "@/lib/db/pg-pool";
import { storage } from "@/lib/storage";
import { importFormatSchema } from "../formats";
import { keepApartSchema } from "../keep-apart";
import { parseMapping } from "../mapping";
import { previewFile, type Preview } from "../preview";
import { planRegistry, type PlanEntry } from "../registry-plan";
import { listMappings, mappingNameSchema, saveMapping, type StoredMappingInfo } from "../stored-mappings";
import { enqueueImport } from "./enqueue";
import { withUploadHead } from "./upload-files";
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
  dataset: z.string().trim().max(200).optional(),
});

const startInput = previewInput.extend({
  keepApart: keepApartSchema.optional(),
  strict: z.boolean().default(false),
  systemPrompt: z.object({ fileName: z.string().min(1).max(255), text: z.string().min(1).max(500_000) }).optional(),
});

export type PreviewInput = z.input<typeof previewInput>;
export type StartInput = z.input<typeof startInput>;

const GONE = "The uploaded file is no longer on the server (it was imported already, or removed after a day). Upload it again.";
/** The preview reads the first records: with object storage, only the file's start is fetched (all of a zip). */
const PREVIEW_BYTES = 16 * 1024 * 1024;

export async function previewUpload(input: PreviewInput): Promise<Result<{ preview: Preview; plan: PlanEntry[] }>> {
  await requireRole("lead");
  const parsed = previewInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Invalid request." };
  const upload = await findUpload(parsed.data.uploadId);
  if (!upload) return { ok: false, message: GONE };
  try {
    const preview = await withUploadHead(
      storage(),
      upload.id,
      (filePath) => previewFile(filePath, upload.fileName, { format: parsed.data.format, mappingText: parsed.data.mappingText }),
      PREVIEW_BYTES,
    );
    if (!preview) return { ok: false, message: GONE };
    const { settings, variations, models } = preview.names;
    const dataset = parsed.data.dataset || upload.fileName.replace(/\.[^.]+$/, "");
    const plan = await planRegistry(
      { settings: new Set(settings), variations: new Set(variations.map(([s, v]) => `${s}\u0000${v}`)), models: new Set(models) },
      dataset,
    );
    return { ok: true, preview, plan };
  } catch (error) {
    console.error("Preview failed:", error);
    return { ok: false, message: "The preview failed unexpectedly; the error is in the server log." };
  }
}

export async function startImport(input: StartInput): Promise<Result<{ importId: number }>> {
  const user = await requireRole("lead");
  const parsed = startInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Invalid request." };
  const { uploadId, format, mappingText, dataset, strict, systemPrompt, keepApart } = parsed.data;
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
        keepApart,
      },
      { userId: user.id, createdBy: `web:${user.email}` },
    );
    return { ok: true, importId };
  } catch (error) {
    console.error("Import could not be queued:", error);
    return { ok: false, message: "The import could not start (is the database reachable?). The error is in the server log." };
  }
}

const saveInput = z.object({ name: mappingNameSchema, mappingText: z.string().max(200_000) });

/** Saves the editor's mapping under a name, for the next file of this shape (and for the API's ?mapping=NAME). */
export async function saveImportMapping(input: z.input<typeof saveInput>): Promise<Result<{ name: string }>> {
  const user = await requireRole("lead");
  const parsed = saveInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: `The name is not valid: ${parsed.error.issues[0].message}.` };
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.mappingText);
  } catch (error) {
    return { ok: false, message: `The mapping is not valid JSON: ${(error as Error).message}` };
  }
  const saved = await saveMapping(parsed.data.name, json, user.id);
  return saved.ok ? { ok: true, name: parsed.data.name } : { ok: false, message: `Not saved: ${saved.errors.join("; ")}` };
}

/** The saved and shipped mappings the editor can load. */
export async function loadImportMappings(): Promise<Result<{ mappings: StoredMappingInfo[] }>> {
  await requireRole("lead");
  return { ok: true, mappings: await listMappings() };
}
