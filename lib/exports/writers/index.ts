import type { ExportFormat } from "../request";
import { csvWriter } from "./csv";
import { jsonlWriter } from "./jsonl";
import { parquetWriter } from "./parquet";
import type { RowWriter } from "./types";

export type { RowWriter };

export const FILE_EXTENSIONS: Record<ExportFormat, string> = { jsonl: "jsonl", csv: "csv", parquet: "parquet" };

export function openWriter(format: ExportFormat, path: string, metadata: Record<string, string>): RowWriter {
  switch (format) {
    case "jsonl":
      return jsonlWriter(path);
    case "csv":
      return csvWriter(path);
    case "parquet":
      return parquetWriter(path, metadata);
  }
}
