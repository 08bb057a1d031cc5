import type pg from "pg";
import type { RecordError } from "./normalize";
import { MAX_STORED_ERRORS, insertErrors, type Severity } from "./record";

/** Summaries (CLI line, web page) show this many errors; all of them (up to MAX_STORED_ERRORS) are downloadable. */
export const SUMMARY_ERRORS = 1_000;

/**
 * Record errors of a run: counted, the first ones kept for the summary, and
 * written to import_errors on the record's connection in batches (they must
 * survive the rollback of a failed run: they say why it failed).
 */
export class ErrorLog {
  total = 0;
  readonly first: RecordError[] = [];
  private pending: RecordError[] = [];
  private stored = 0;

  constructor(private readonly severity: Severity = "error") {}

  add(error: RecordError) {
    this.total++;
    if (this.first.length < SUMMARY_ERRORS) this.first.push(error);
    if (this.stored + this.pending.length < MAX_STORED_ERRORS) this.pending.push(error);
  }

  get unflushed() {
    return this.pending.length;
  }

  async flush(client: pg.ClientBase, importId: number) {
    const batch = this.pending;
    this.pending = [];
    this.stored += batch.length;
    await insertErrors(client, importId, batch, this.severity);
  }

  /** The errors in file order (readers may find some a little late). */
  sortedFirst(): RecordError[] {
    return [...this.first].sort((a, b) => a.line - b.line);
  }
}
