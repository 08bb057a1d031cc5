import { csvLines } from "@/lib/csv/write";
import { cellValue, EXPORT_COLUMNS } from "../columns";
import { TextFile } from "./stream";
import type { RowWriter } from "./types";

/**
 * The export as CSV (lib/csv/write.ts: RFC 4180, UTF-8, a header row, formula
 * cells defused). A null is an empty field; JSON columns hold JSON text.
 */
const HEADER = csvLines([EXPORT_COLUMNS.map((column) => column.name)]);

export function csvWriter(path: string): RowWriter {
  const file = new TextFile(path);
  let started = false;
  return {
    async write(row) {
      if (!started) {
        started = true;
        await file.write(HEADER);
      }
      await file.write(csvLines([EXPORT_COLUMNS.map((column) => cellValue(row, column))]));
    },
    async close() {
      if (!started) await file.write(HEADER);
      await file.close();
    },
  };
}
