import { readFile } from "node:fs/promises";
import { tableFromIPC } from "apache-arrow";
import { parse } from "csv-parse/sync";
import { readParquet } from "parquet-wasm/node";
import { EXPORT_COLUMNS } from "./columns";
import type { ExportFormat } from "./request";

/**
 * Test support: reads an exported data file back with readers that share no
 * code with the writers: JSON.parse, csv-parse, and for Parquet the Rust
 * `parquet` crate (parquet-wasm) into Apache Arrow. Rows come back as plain
 * objects with JSON columns parsed, comparable across formats.
 */
export async function readBack(format: ExportFormat, file: string): Promise<Record<string, unknown>[]> {
  if (format === "jsonl") {
    const text = await readFile(file, "utf8");
    return text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  }
  if (format === "csv") {
    const records = parse(await readFile(file), { columns: true, bom: false, relax_quotes: false }) as Record<string, string>[];
    return records.map((record) =>
      Object.fromEntries(
        EXPORT_COLUMNS.map((column) => {
          const text = record[column.name];
          if (text === "" && column.nullable) return [column.name, null];
          if (column.type === "int") return [column.name, Number(text)];
          if (column.type === "float") return [column.name, Number(text)];
          if (column.type === "json") return [column.name, JSON.parse(text)];
          return [column.name, text];
        }),
      ),
    );
  }
  const table = tableFromIPC(readParquet(new Uint8Array(await readFile(file))).intoIPCStream());
  return table.toArray().map((row) => {
    const object = row.toJSON() as Record<string, unknown>;
    return Object.fromEntries(
      EXPORT_COLUMNS.map((column) => {
        const value = object[column.name];
        if (column.type === "json" && typeof value === "string") return [column.name, JSON.parse(value)];
        return [column.name, value ?? null];
      }),
    );
  });
}
