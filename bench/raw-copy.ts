import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { asJson, asTextArray, encodeCopyRow } from "@/lib/db/copy";
import { searchDocument, SearchVectorizer } from "@/lib/transcripts/search-vectors";
import type { ParsedTranscript, RawMessage } from "@/lib/transcripts/types";

/**
 * The baseline of the write benchmarks (seed, import): the rows the app writes
 * into `transcripts`, search vectors included (PostgreSQL computes them, as
 * for the app), pre-rendered to a COPY file, then COPYed into a bare table of
 * the same columns: types, NOT NULLs and defaults, but no index, key, trigger
 * or storage setting.
 */
const COLUMNS = [
  "pair_id",
  "setting_id",
  "variation_id",
  "model_id",
  "query_id",
  "dataset_id",
  "import_id",
  "condition",
  "content_hash",
  "search_vector",
  "raw_messages",
  "turns",
  "scratchpad_text",
  "final_output",
  "format_issues",
];
const BATCH = 1_000;

export interface RawRow {
  pairId: number;
  condition: string;
  contentHash: string;
  messages: RawMessage[];
  parsed: ParsedTranscript;
}

export class RawCopyFile {
  private readonly out: WriteStream;
  private pending: RawRow[] = [];

  private constructor(
    private readonly vectorizer: SearchVectorizer,
    readonly path: string,
  ) {
    this.out = createWriteStream(path);
  }

  static async create(databaseUrl: string, path: string): Promise<RawCopyFile> {
    return new RawCopyFile(await SearchVectorizer.open(databaseUrl), path);
  }

  async add(row: RawRow): Promise<void> {
    this.pending.push(row);
    if (this.pending.length >= BATCH) await this.writePending();
  }

  async close(): Promise<void> {
    try {
      await this.writePending();
    } finally {
      await this.vectorizer.close();
    }
    this.out.end();
    await once(this.out, "finish");
  }

  private async writePending() {
    const rows = this.pending.map((row) => ({ row, scratchpadText: row.parsed.scratchpads.join("\n\n") }));
    this.pending = [];
    const vectors = await this.vectorizer.vectorize(
      rows.map(({ row, scratchpadText }) => searchDocument(scratchpadText, row.parsed.finalOutput)),
    );
    for (const [i, { row, scratchpadText }] of rows.entries()) {
      const line = encodeCopyRow([
        row.pairId,
        1,
        1,
        1,
        1,
        1,
        null,
        row.condition,
        row.contentHash,
        vectors[i],
        asJson(row.messages),
        asJson(row.parsed.turns),
        scratchpadText,
        row.parsed.finalOutput,
        asTextArray(row.parsed.formatIssues),
      ]);
      if (!this.out.write(line)) await once(this.out, "drain");
    }
  }
}

/** Rows per second of a COPY of `file` (written by RawCopyFile) into a bare copy of the transcripts table. */
export async function rawCopyRate(databaseUrl: string, file: string, size: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS bench_raw_transcripts`);
    await client.query(`CREATE TABLE bench_raw_transcripts (LIKE transcripts INCLUDING DEFAULTS)`);
    const started = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY bench_raw_transcripts (${COLUMNS.join(", ")}) FROM STDIN`)));
    const seconds = (performance.now() - started) / 1000;
    await client.query(`DROP TABLE bench_raw_transcripts`);
    return size / seconds;
  } finally {
    await client.end();
  }
}
