import path from "node:path";
import type { ImportFormat } from "./format-names";

export { IMPORT_FORMATS, importFormatSchema, type ImportFormat } from "./format-names";

export type Detection = { ok: true; format: ImportFormat; reason: string } | { ok: false; error: string };

/** How much of the file detection looks at. */
export const DETECTION_BYTES = 64 * 1024;
const BINARY_SNIFF_BYTES = 1024;

const NATIVE_MARKERS = /<(INPUT|is_free_tier_user|SCRATCHPAD_REASONING|OUTPUT|user_input)>|^\s*(USER_INPUT|AI)\s*:/im;
const EXTENSIONS: Record<string, ImportFormat> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".jsonlines": "jsonl",
  ".json": "json",
  ".csv": "csv",
  ".txt": "native",
  ".md": "native",
};

/**
 * Guesses the format from the file name and its first bytes. The name is a
 * hint the content can overrule (a ".json" file that is really JSON Lines).
 */
export function detectFormat(fileName: string, head: Buffer): Detection {
  // Inspect logs first: an .eval is a zip, which the binary check below would refuse.
  const inspect = detectInspect(fileName, head);
  if (inspect) return inspect;
  // Only the first line decides "binary": a text file with a garbage line further on gets a per-line error instead.
  const newline = head.indexOf(0x0a);
  const start = head.subarray(0, Math.min(BINARY_SNIFF_BYTES, newline === -1 ? head.length : newline));
  if (start.includes(0) || !isUtf8Prefix(start))
    return { ok: false, error: "this looks like a binary file, not text (JSONL, JSON, CSV or a native transcript)" };
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  const byExtension = EXTENSIONS[path.extname(fileName).toLowerCase()];
  const first = text.trimStart()[0];
  if (first === "{" && looksLikeJsonLines(text)) return { ok: true, format: "jsonl", reason: "one JSON object per line" };
  if (byExtension) return { ok: true, format: byExtension, reason: `file name ends in ${path.extname(fileName)}` };
  if (first === "[" || first === "{") return { ok: true, format: "json", reason: "starts with " + first };
  if (NATIVE_MARKERS.test(text)) return { ok: true, format: "native", reason: "holds native transcript tags" };
  const firstLine = text.split("\n", 1)[0];
  if (firstLine.includes(",")) return { ok: true, format: "csv", reason: "first line looks like a CSV header" };
  if (!text.trim()) return { ok: true, format: "jsonl", reason: "empty file" };
  return { ok: false, error: "could not tell the format; choose one (jsonl, json, csv, native or inspect)" };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The top of an Inspect log document: {"version": 2, "status": "success", "eval": {...}. */
const INSPECT_JSON = /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"status"\s*:\s*"[a-z]+"\s*,\s*"eval"\s*:\s*\{/;

function detectInspect(fileName: string, head: Buffer): Detection | null {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    const names = head.toString("latin1");
    if (path.extname(fileName).toLowerCase() === ".eval" || /samples\/|_journal\/start\.json|header\.json/.test(names))
      return { ok: true, format: "inspect", reason: "an Inspect .eval log (zip)" };
    return null; // another zip: refused below as a binary file
  }
  if (INSPECT_JSON.test(head.toString("utf8").replace(/^\uFEFF/, "")))
    return { ok: true, format: "inspect", reason: "an Inspect log (version, status, eval)" };
  return null;
}

/** A first line that is a whole JSON object, followed by another line starting with "{" (or nothing). */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.trimStart().split("\n");
  try {
    const value = JSON.parse(lines[0]);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  } catch {
    return false;
  }
  const next = lines.slice(1).find((line) => line.trim());
  return next === undefined ? lines.length > 1 || text.length < DETECTION_BYTES : next.trimStart().startsWith("{");
}

/** Valid UTF-8, allowing a character cut off by the end of the sample. */
function isUtf8Prefix(head: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
