import type { ImportFormat } from "../formats";
import { readCsv } from "./csv";
import { readInspect } from "./inspect";
import { readJson } from "./json";
import { readJsonLines } from "./jsonl";
import { readNative } from "./native";
import type { ReaderOptions, SourceItem } from "./types";

export type { SourceItem } from "./types";
export { DEFAULT_MAX_RECORD_BYTES } from "./types";

export interface ReadOptions extends ReaderOptions {
  /** JSON only: keys that are fields of a record, not groups of records. */
  isRecordField: (key: string) => boolean;
  /** Inspect only: the file, for a zipped .eval log (read by random access), and its progress. */
  filePath?: string;
  onZipBytes?: (bytes: number) => void;
}

/** The records of a byte stream in the given format, in file order, each with its line. */
export function readRecords(chunks: AsyncIterable<Buffer>, format: ImportFormat, options: ReadOptions): AsyncGenerator<SourceItem> {
  switch (format) {
    case "jsonl":
      return readJsonLines(chunks, options);
    case "json":
      return readJson(chunks, options);
    case "csv":
      return readCsv(chunks, options);
    case "native":
      return readNative(chunks, options);
    case "inspect":
      return readInspect(chunks, options);
  }
}
