import { JsonRecordScanner } from "./json-scanner";
import { NOT_UTF8, decodeUtf8, describeJsonError, isPlainObject, tooLong, type ReaderOptions, type SourceItem } from "./types";

export interface JsonReaderOptions extends ReaderOptions {
  /** Keys that name a field of a record (e.g. "messages"), so an array under them is not a group of records. */
  isRecordField: (key: string) => boolean;
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function parseBytes(bytes: Buffer | null, maxBytes: number): Parsed {
  if (bytes === null) return { ok: false, error: tooLong(maxBytes) };
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, error: NOT_UTF8 };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: describeJsonError(error) };
  }
}

/**
 * A JSON file: an array of records; an object of arrays of records ("nested
 * by condition", the key given as `group`; plain members before the first
 * array apply to every record that lacks them); or a single record object.
 */
export async function* readJson(chunks: AsyncIterable<Buffer>, options: JsonReaderOptions): AsyncGenerator<SourceItem> {
  const scanner = new JsonRecordScanner(options.maxRecordBytes, options.isRecordField);
  const members: Record<string, unknown> = {};
  let firstMemberLine = 0;
  let sawRecords = false;
  const events = async function* () {
    for await (const chunk of chunks) yield* scanner.feed(chunk);
    yield* scanner.end();
  };
  for await (const event of events()) {
    if (event.kind === "error") {
      yield { line: event.line, error: event.message };
      continue;
    }
    const parsed = parseBytes(event.bytes, options.maxRecordBytes);
    if (event.kind === "member") {
      if (sawRecords) continue; // file-level fields only count before the records
      if (!parsed.ok) yield { line: event.line, error: parsed.error, field: event.key };
      else {
        members[event.key] = parsed.value;
        firstMemberLine ||= event.line;
      }
      continue;
    }
    sawRecords = true;
    if (!parsed.ok) yield { line: event.line, error: parsed.error };
    else if (!isPlainObject(parsed.value))
      yield {
        line: event.line,
        error: `expected a JSON object for each record, got ${Array.isArray(parsed.value) ? "an array" : JSON.stringify(parsed.value)?.slice(0, 40)}`,
      };
    else yield { line: event.line, record: { ...members, ...parsed.value }, ...(event.group !== undefined ? { group: event.group } : {}) };
  }
  if (!sawRecords && firstMemberLine) yield { line: firstMemberLine, record: members };
}
