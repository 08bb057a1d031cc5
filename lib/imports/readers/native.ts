import { NOT_UTF8, decodeUtf8, tooLong, type ReaderOptions, type SourceItem } from "./types";

/**
 * A text file holding one conversation in the native format (tags such as
 * <INPUT>, <is_free_tier_user>, <SCRATCHPAD_REASONING>, <OUTPUT>, or the
 * few-shot "USER_INPUT:" / "AI:" lines). Tier, query, scratchpads and output
 * come from the tags; setting, variation and model from the mapping's constants.
 */
export async function* readNative(chunks: AsyncIterable<Buffer>, options: ReaderOptions): AsyncGenerator<SourceItem> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length <= options.maxRecordBytes) parts.push(Buffer.from(chunk));
  }
  if (length > options.maxRecordBytes) {
    yield { line: 1, error: tooLong(options.maxRecordBytes) };
    return;
  }
  const text = decodeUtf8(Buffer.concat(parts, length));
  if (text === null) yield { line: 1, error: NOT_UTF8 };
  else if (text.trim()) yield { line: 1, record: { transcript: text } };
}
