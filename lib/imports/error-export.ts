/** An import's errors as a file to download: CSV for spreadsheets, JSON Lines for scripts. */
export interface ExportedError {
  line: number | null;
  field: string | null;
  message: string;
  /** "error": not imported; "warning": imported, with something to know. */
  severity?: string;
}

const CSV_NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: the messages quote file content.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return CSV_NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function errorsToCsv(errors: ExportedError[]): string {
  const lines = [
    "line,field,message,severity",
    ...errors.map((e) => [e.line, e.field, e.message, e.severity ?? "error"].map(csvCell).join(",")),
  ];
  return lines.join("\r\n") + "\r\n";
}

export function errorsToJsonl(errors: ExportedError[]): string {
  return (
    errors.map((e) => JSON.stringify({ line: e.line, field: e.field, message: e.message, severity: e.severity ?? "error" })).join("\n") +
    (errors.length ? "\n" : "")
  );
}
