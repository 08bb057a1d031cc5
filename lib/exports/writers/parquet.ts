import { fileWriter, ParquetWriter } from "hyparquet-writer";
import { cellValue, EXPORT_COLUMNS, type ColumnType } from "../columns";
import type { ExportRow } from "../row";
import type { RowWriter } from "./types";

/**
 * Parquet through hyparquet-writer: one row group per ROW_GROUP_ROWS rows
 * (buffered as columns, then written and dropped), Snappy-compressed. Nested
 * values are JSON text in UTF8 columns: pandas, pyarrow and `datasets` read
 * them as strings (`json.loads` them).
 */
const ROW_GROUP_ROWS = 2_000;
/** A row group is also cut at this much text, so that 50,000-word scratchpads do not pile up. */
const ROW_GROUP_CHARS = 64 * 1024 * 1024;

const PHYSICAL: Record<ColumnType, { type: "INT32" | "DOUBLE" | "BYTE_ARRAY"; converted_type?: "UTF8" }> = {
  int: { type: "INT32" },
  float: { type: "DOUBLE" },
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  json: { type: "BYTE_ARRAY", converted_type: "UTF8" },
};

export const PARQUET_SCHEMA = [
  { name: "root", num_children: EXPORT_COLUMNS.length },
  ...EXPORT_COLUMNS.map((column) => ({
    name: column.name,
    ...PHYSICAL[column.type],
    repetition_type: column.nullable ? ("OPTIONAL" as const) : ("REQUIRED" as const),
  })),
];

export function parquetWriter(path: string, metadata: Record<string, string>): RowWriter {
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: PARQUET_SCHEMA,
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: "af-lens export (hyparquet-writer)",
  });
  let columns: (string | number | null)[][] = EXPORT_COLUMNS.map(() => []);
  let rows = 0;
  let chars = 0;
  const flush = async () => {
    if (rows === 0) return;
    const columnData = EXPORT_COLUMNS.map((column, i) => ({ name: column.name, data: columns[i] }));
    await writer.write({ columnData, rowGroupSize: rows });
    columns = EXPORT_COLUMNS.map(() => []);
    rows = 0;
    chars = 0;
  };
  return {
    async write(row: ExportRow) {
      EXPORT_COLUMNS.forEach((column, i) => {
        const value = cellValue(row, column);
        if (typeof value === "string") chars += value.length;
        columns[i].push(value);
      });
      rows++;
      if (rows >= ROW_GROUP_ROWS || chars >= ROW_GROUP_CHARS) await flush();
    },
    async close() {
      await flush();
      writer.finish();
    },
  };
}
