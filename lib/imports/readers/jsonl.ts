import { splitLines } from "./lines";
import { NOT_UTF8, decodeUtf8, describeJsonError, isPlainObject, tooLong, type ReaderOptions, type SourceItem } from "./types";

/** JSON Lines: one JSON object per line; blank lines are skipped. */
export async function* readJsonLines(chunks: AsyncIterable<Buffer>, options: ReaderOptions): AsyncGenerator<SourceItem> {
  for await (const { number, bytes } of splitLines(chunks, options.maxRecordBytes)) {
    if (bytes === null) {
      yield { line: number, error: tooLong(options.maxRecordBytes) };
      continue;
    }
    let text = decodeUtf8(bytes);
    if (text === null) {
      yield { line: number, error: NOT_UTF8 };
      continue;
    }
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line: number, error: describeJsonError(error) };
      continue;
    }
    if (isPlainObject(value)) yield { line: number, record: value };
    else
      yield {
        line: number,
        error: `expected a JSON object, got ${Array.isArray(value) ? "an array" : typeof value === "string" ? "a string" : String(value)}`,
      };
  }
}
