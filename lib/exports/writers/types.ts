import type { ExportRow } from "../row";

/** Writes one data file; `close` flushes it to disk. */
export interface RowWriter {
  write(row: ExportRow): Promise<void>;
  close(): Promise<void>;
}
