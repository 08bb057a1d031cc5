import pg from "pg";

/**
 * transcripts.search_vector: to_tsvector('english', scratchpad_text || ' ' || final_output) (tags as words),
 * computed by PostgreSQL itself (its parser and English stemmer are what
 * search queries use) but on a second connection. COPY runs on one backend, one
 * core; to_tsvector took about two thirds of it. Here it runs beside the COPY
 * of the previous batch, on another core, and the writer sends the vectors
 * along with the rows. The statement triggers of migration 20261122090000
 * compute the same vector for any row written without one.
 */

const ANGLE_BRACKETS = /[<>]/g;

/**
 * The text search_vector indexes; the triggers' SQL builds the same string
 * (migration 20261202140000). "<" and ">" become spaces, or PostgreSQL's parser
 * would read "<request_fully_accepted/>" as an XML tag and index nothing for it.
 */
export function searchDocument(scratchpadText: string, finalOutput: string | null): string {
  return (scratchpadText + " " + (finalOutput ?? "")).replace(ANGLE_BRACKETS, " ");
}

/** A search as typed, made to match the indexed document: "<request_fully_accepted/>" finds the tag. */
export function searchQueryText(q: string): string {
  return q.replace(ANGLE_BRACKETS, " ");
}

/** One JSON array in, one row per document out: a single round trip per batch, in order. */
const VECTORIZE_SQL = `SELECT to_tsvector('english'::regconfig, d.document)::text AS vector
  FROM json_array_elements_text($1::json) WITH ORDINALITY AS d(document, n) ORDER BY d.n`;

export class SearchVectorizer {
  private constructor(private readonly client: pg.Client) {}

  static async open(databaseUrl: string): Promise<SearchVectorizer> {
    const client = new pg.Client({ connectionString: databaseUrl });
    // A dropped connection is also emitted as an event; unhandled, it would end the process. The failing query reports it.
    client.on("error", () => {});
    await client.connect();
    return new SearchVectorizer(client);
  }

  /** The vectors of `documents` as tsvector text, in the same order; queued calls run one after another. */
  async vectorize(documents: readonly string[]): Promise<string[]> {
    if (!documents.length) return [];
    const { rows } = await this.client.query<{ vector: string }>(VECTORIZE_SQL, [JSON.stringify(documents)]);
    return rows.map((row) => row.vector);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}
