import { cellValue, EXPORT_COLUMNS } from "../columns";
import { TextFile } from "./stream";
import type { RowWriter } from "./types";

/**
 * RFC 4180 CSV, UTF-8, a header row; a field holding a comma, quote or line
 * break is quoted (quotes doubled). A null is an empty field. JSON columns
 * hold JSON text.
 */
function field(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvWriter(path: string): RowWriter {
  const file = new TextFile(path);
  let started = false;
  return {
    async write(row) {
      if (!started) {
        started = true;
        await file.write(EXPORT_COLUMNS.map((column) => column.name).join(",") + "\r\n");
      }
      await file.write(EXPORT_COLUMNS.map((column) => field(cellValue(row, column))).join(",") + "\r\n");
    },
    async close() {
      if (!started) await file.write(EXPORT_COLUMNS.map((column) => column.name).join(",") + "\r\n");
      await file.close();
    },
  };
}
