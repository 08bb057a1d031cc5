import { stringify } from "csv-stringify/sync";

/**
 * The one way the app writes CSV (the export's data files, the charts' CSVs,
 * an import's errors): csv-stringify, RFC 4180 (a header row, CRLF between
 * records, a field quoted when it holds a comma, a quote or a line break, quotes
 * doubled), UTF-8.
 *
 * Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that
 * begins with =, +, - or @ (or a tab or carriage return before one) as a
 * formula, and variation names, file content and model text come from
 * imported files. Such a text cell gets one leading apostrophe, which
 * spreadsheets show as text and never evaluate. A cell that already begins
 * with an apostrophe gets one too, so the marking can be undone exactly:
 * `undefuseCell` (the CSV importer applies it, so an exported CSV imports
 * back to the same text). Numbers are written as numbers: a negative
 * compliance gap stays -0.05, not text.
 */
export type CsvCell = string | number | boolean | null | undefined;

const NEEDS_MARK = /^[=+\-@\t\r'\uFF1D\uFF0B\uFF0D\uFF20]/;
const MARKED = /^'[=+\-@\t\r'\uFF1D\uFF0B\uFF0D\uFF20]/;

export function defuseCell(text: string): string {
  return NEEDS_MARK.test(text) ? `'${text}` : text;
}

/** The text a defused cell stood for. */
export function undefuseCell(text: string): string {
  return MARKED.test(text) ? text.slice(1) : text;
}

const OPTIONS = {
  record_delimiter: "\r\n",
  // csv-stringify quotes a field holding the record delimiter, not a lone \n or \r: RFC 4180 wants both quoted.
  quoted_match: /[\r\n]/,
  cast: { string: defuseCell, boolean: (value: boolean) => (value ? "true" : "false") },
} as const;

/** Records as CSV lines (each ended by CRLF). */
export function csvLines(records: readonly (readonly CsvCell[])[]): string {
  return stringify(
    records.map((record) => [...record]),
    OPTIONS,
  );
}

/** A whole small file: the header, then the records. */
export function csvFile(header: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  return csvLines([header, ...records]);
}
