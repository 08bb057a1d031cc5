import type { ExportRow } from "../row";
import { TextFile } from "./stream";
import type { RowWriter } from "./types";

/**
 * One JSON object per line. `messages` is the stored JSON text itself, spliced
 * in unparsed (the export's hot path); it is re-serialised only if it holds a
 * line break, which JSONL cannot have outside strings.
 */
export function jsonlLine(row: ExportRow): string {
  const { messages, ...rest } = row;
  const oneLine = /[\r\n]/.test(messages) ? JSON.stringify(JSON.parse(messages)) : messages;
  return `${JSON.stringify(rest).slice(0, -1)},"messages":${oneLine}}\n`;
}

export function jsonlWriter(path: string): RowWriter {
  const file = new TextFile(path);
  return { write: (row) => file.write(jsonlLine(row)), close: () => file.close() };
}
