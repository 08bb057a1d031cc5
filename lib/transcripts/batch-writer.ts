import type pg from "pg";
import type { SearchVectorizer } from "./search-vectors";
import { QueryIdCache, storeTranscripts, type PreparedTranscript, type Rejection, type StoreTarget } from "./store";

export interface BatchWriterOptions {
  /** Rows per write (default 1,000): big enough to amortise round trips, small enough to keep memory flat. */
  maxRows?: number;
  onRejected?: (rejections: Rejection[]) => void;
}

const MAX_BYTES = 8 * 1024 * 1024;
/** The caller's parsing is synchronous: the COPY in flight and the vectorizer's reply need the event loop to turn. */
const YIELD_EVERY_MS = 4;

/**
 * Collects prepared transcripts and writes them in batches, as a pipeline over
 * three processes: while this one parses batch N+1, the vectorizer's backend
 * computes the search vectors of batch N and the writing backend COPYs batch
 * N-1 (lib/transcripts/search-vectors.ts says why). Writes stay in order on
 * the caller's connection, inside the caller's transaction.
 */
export class BatchWriter {
  inserted = 0;
  duplicates = 0;
  labels = 0;
  private batch: PreparedTranscript[] = [];
  private bytes = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly queries = new QueryIdCache();
  private readonly maxRows: number;
  private lastYield = performance.now();

  constructor(
    private readonly client: pg.ClientBase,
    private readonly target: StoreTarget,
    private readonly vectorizer: SearchVectorizer | null,
    private readonly options: BatchWriterOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 1_000;
  }

  /** Resolves once the transcript is queued; waits only when a full batch must wait for the one before it. */
  async add(transcript: PreparedTranscript): Promise<void> {
    this.batch.push(transcript);
    this.bytes += transcript.encodedContent.length;
    if (this.batch.length >= this.maxRows || this.bytes >= MAX_BYTES) await this.dispatch();
    else if (performance.now() - this.lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.lastYield = performance.now();
    }
  }

  /** Writes what is left and waits for everything; throws the first write failure. */
  async flush(): Promise<void> {
    await this.dispatch();
    await this.inFlight;
    this.throwIfFailed();
  }

  private async dispatch() {
    const batch = this.batch;
    this.batch = [];
    this.bytes = 0;
    // Started before waiting for the previous write, so that the two backends work at the same time.
    const vectors = batch.length && this.vectorizer ? this.vectorizer.vectorize(batch.map((t) => t.searchDocument)) : null;
    vectors?.catch(() => {}); // awaited below; a failure must not surface as an unhandled rejection meanwhile
    await this.inFlight;
    this.throwIfFailed();
    if (!batch.length) return;
    // Kept as a settled promise: a failure surfaces on the next add() or flush(), never as an unhandled rejection.
    this.inFlight = this.write(batch, vectors).then(
      (outcome) => {
        this.inserted += outcome.inserted;
        this.duplicates += outcome.duplicates;
        this.labels += outcome.labels;
        if (outcome.rejected.length) this.options.onRejected?.(outcome.rejected);
      },
      (error: unknown) => {
        this.failure = error;
      },
    );
  }

  private async write(batch: PreparedTranscript[], vectors: Promise<string[]> | null) {
    if (vectors) {
      const computed = await vectors;
      batch.forEach((transcript, i) => {
        transcript.searchVector = computed[i];
        transcript.searchDocument = "";
      });
    }
    return storeTranscripts(this.client, this.target, batch, this.queries);
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure;
  }
}
