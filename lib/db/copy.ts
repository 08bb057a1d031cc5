import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Bulk loading through PostgreSQL's COPY (text format): an order of magnitude
 * faster than row-by-row inserts, and far lighter than Prisma's createMany.
 */
export type CopyValue = string | number | boolean | null | { json: unknown } | { textArray: readonly string[] };

/** Mark a value for a json/jsonb column. */
export const asJson = (value: unknown): CopyValue => ({ json: value });
/** Mark a value for a text[] column. */
export const asTextArray = (values: readonly string[]): CopyValue => ({ textArray: values });

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** JSON text holds no raw tab, newline or carriage return (JSON escapes them); only backslashes need doubling. */
function escapeJson(json: string): string {
  return json.replaceAll("\\", "\\\\");
}

/** A PostgreSQL array literal of strings, each element quoted. */
function arrayLiteral(values: readonly string[]): string {
  return "{" + values.map((value) => '"' + value.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"').join(",") + "}";
}

export function encodeCopyValue(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("textArray" in value) return escapeText(arrayLiteral(value.textArray));
  return escapeJson(JSON.stringify(value.json));
}

export function encodeCopyRow(values: readonly CopyValue[]): string {
  return values.map(encodeCopyValue).join("\t") + "\n";
}

/** COPY already-encoded rows (see encodeCopyRow) into `table`; a row may come in several pieces, strings or UTF-8 bytes. */
export async function copyEncodedRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
) {
  const columnList = columns.map((column) => `"${column}"`).join(", ");
  const stream = client.query(copyFrom(`COPY "${table}" (${columnList}) FROM STDIN`));
  await pipeline(Readable.from(rows, { objectMode: false }), stream);
}
