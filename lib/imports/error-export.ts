import { csvFile } from "@/lib/csv/write";

/** An import's errors as a file to download: CSV for spreadsheets, JSON Lines for scripts. */
export interface ExportedError {
  line: number | null;
  field: string | null;
  message: string;
  /** "error": not imported; "warning": imported, with something to know. */
  severity?: string;
}

/** CSV through the app's one writer (lib/csv/write.ts): the messages quote file content, so formula cells are defused there. */
export function errorsToCsv(errors: ExportedError[]): string {
  return csvFile(
    ["line", "field", "message", "severity"],
    errors.map((e) => [e.line, e.field, e.message, e.severity ?? "error"]),
  );
}

export function errorsToJsonl(errors: ExportedError[]): string {
  return (
    errors.map((e) => JSON.stringify({ line: e.line, field: e.field, message: e.message, severity: e.severity ?? "error" })).join("\n") +
    (errors.length ? "\n" : "")
  );
}
