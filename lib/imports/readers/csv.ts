import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { undefuseCell } from "@/lib/csv/write";
import { tooLong, type ReaderOptions, type SourceItem } from "./types";
import { Utf8GuardError, guardUtf8 } from "./utf8-guard";

/**
 * CSV with a header row. Each record's `line` is the line of the file where
 * it starts (cells may hold newlines, so that is not always its row count).
 * Cells stay strings; the normalizer coerces them. Empty cells are absent.
 */
export async function* readCsv(chunks: AsyncIterable<Buffer>, options: ReaderOptions): AsyncGenerator<SourceItem> {
  const skipped: SourceItem[] = [];
  const parser = parse({
    columns: (header: string[]) => header.map((name) => name.trim()),
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: options.maxRecordBytes,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (!error) return;
      const endLine = (error as CsvError & { lines?: number }).lines ?? 0;
      const message = error.code === "CSV_MAX_RECORD_SIZE" ? tooLong(options.maxRecordBytes) : csvMessage(error);
      skipped.push({ line: Math.max(1, endLine - newlines(raw)), error: message });
    },
  });
  const source = Readable.from(guardUtf8(chunks));
  // pipe() does not pass a source's error on: end the parser (keeping the rows before the bad bytes) and report it after them.
  let badBytes: Utf8GuardError | null = null;
  source.on("error", (error) => {
    if (error instanceof Utf8GuardError) badBytes = error;
    else parser.destroy(error);
    parser.end();
  });
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; raw?: string };
    }>) {
      const line = info.lines - newlines(info.raw);
      // The parser reads ahead, so skipped rows can be reported before earlier records: restore file order.
      while (skipped.length && skipped[0].line < line) yield skipped.shift()!;
      const present: Record<string, unknown> = {};
      // undefuseCell: the app's own CSV exports mark formula-like cells (lib/csv/write.ts); read them back as they were.
      for (const [key, value] of Object.entries(record)) if (key && value !== "") present[key] = undefuseCell(value);
      yield { line, record: present };
    }
  } catch (error) {
    // A problem the parser cannot skip past (e.g. a quote never closed): everything after it is lost.
    const csvError = error as CsvError & { lines?: number };
    while (skipped.length) yield skipped.shift()!;
    yield { line: csvError.lines ?? 0, error: `${csvMessage(csvError)}; reading stopped here` };
    return;
  } finally {
    // Also when the caller stops early (the import page's preview reads only the first records).
    source.destroy();
    parser.destroy();
  }
  while (skipped.length) yield skipped.shift()!;
  const stoppedAt = badBytes as Utf8GuardError | null;
  if (stoppedAt) yield { line: stoppedAt.line, error: `${stoppedAt.message}; reading stopped here` };
}

/** Newlines inside the raw record (not blank lines before it), so a multi-line record reports the line it starts on. */
function newlines(raw: string | undefined): number {
  if (!raw) return 0;
  const record = raw.replace(/^[\r\n]+/, "");
  let count = 0;
  for (let i = record.indexOf("\n"); i !== -1 && i < record.length - 1; i = record.indexOf("\n", i + 1)) count++;
  return count;
}

function csvMessage(error: CsvError): string {
  // csv-parse messages start with the error code ("Invalid Record Length: ..."); keep the readable part.
  return `not valid CSV: ${error.message.replace(/^[A-Za-z ]+:\s*/, "")}`;
}
