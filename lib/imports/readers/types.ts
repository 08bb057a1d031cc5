/**
 * What every format reader yields, in file order: a record (a plain object as
 * the file has it) or the reason a piece of the file is not one. Readers never
 * throw on bad content; only I/O failures escape.
 */
export type SourceItem =
  { line: number; record: Record<string, unknown>; group?: string } | { line: number; error: string; field?: string };

export interface ReaderOptions {
  /** Longest accepted record in bytes; longer ones are reported and skipped without being held in memory. */
  maxRecordBytes: number;
}

/**
 * A transcript of 16 MB is millions of tokens, far past any model's context;
 * beyond that a "record" is almost surely a broken file. The bound also keeps
 * the importer inside its memory budget (npm run import caps the heap).
 */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** Strict UTF-8: invalid bytes are reported, never silently replaced. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export const NOT_UTF8 = "not valid UTF-8 text (is this a binary file?)";

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describeJsonError(error: unknown): string {
  return `not valid JSON: ${(error as Error).message}`;
}

export function tooLong(maxBytes: number): string {
  return `record longer than ${Math.round(maxBytes / 1024 / 1024)} MB; skipped`;
}
