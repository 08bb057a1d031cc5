import type pg from "pg";
import type { SearchVectorizer } from "./search-vectors";
import { QueryIdCache, storeTranscripts, type PreparedTranscript, type Rejection, type StoreTarget } from "./store";

export interface BatchWriterOptions {
  /** Rows per write (default 1,000): big enough to amortise round trips, small enough to keep memory flat. */
  maxRows?: number;
  onRejected?: (rejections: Rejection[]) => void;
}

const MAX_BYTES = 8 * 1024 * 1024;
/** Batches parsed ahead of the database: enough to keep the three processes busy, few enough for flat memory. */
const MAX_QUEUED_BATCHES = 2;
/** The caller's parsing is synchronous: the COPY in flight and the vectorizer's reply need the event loop to turn. */
const YIELD_EVERY_MS = 4;

/**
 * Collects prepared transcripts and writes them in batches, as a pipeline over
 * three processes: while this one parses batch N+2, the vectorizer's backend
 * computes the search vectors of batch N+1 and the writing backend COPYs batch
 * N (lib/transcripts/search-vectors.ts says why). Writes stay in order on the
 * caller's connection, inside the caller's transaction.
 */
export class BatchWriter {
  inserted = 0;
  duplicates = 0;
  labels = 0;
  private batch: PreparedTranscript[] = [];
  private bytes = 0;
  /** The last queued write; writes run one after another on the caller's connection. Never rejects. */
  private tail: Promise<void> = Promise.resolve();
  /** Queued writes not yet awaited, oldest first: the back-pressure that keeps memory flat. */
  private queued: Promise<void>[] = [];
  private failure: unknown = null;
  private readonly queries = new QueryIdCache();
  private readonly prompts = new QueryIdCache(1_000);
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

  /** Resolves once the transcript is queued; waits only when too many batches wait for the database. */
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
    await this.tail;
    this.throwIfFailed();
  }

  /**
   * Drops what is not yet written and waits until nothing more will be sent on
   * the connection: call it before a ROLLBACK, or a write queued behind it would
   * run outside the transaction and commit on its own.
   */
  async abort(): Promise<void> {
    this.failure ??= new Error("The write was aborted.");
    this.batch = [];
    await this.tail;
  }

  private async dispatch() {
    this.throwIfFailed();
    const batch = this.batch;
    this.batch = [];
    this.bytes = 0;
    if (!batch.length) return;
    // Started at once: the vectorizer's backend works while earlier batches are written.
    const vectors = this.vectorizer ? this.vectorizer.vectorize(batch.map((t) => t.searchDocument)) : null;
    vectors?.catch(() => {}); // awaited by the write; a failure must not surface as an unhandled rejection meanwhile
    const write = this.tail.then(async () => {
      if (this.failure) return;
      try {
        const outcome = await this.write(batch, vectors);
        this.inserted += outcome.inserted;
        this.duplicates += outcome.duplicates;
        this.labels += outcome.labels;
        if (outcome.rejected.length) this.options.onRejected?.(outcome.rejected);
      } catch (error) {
        this.failure = error;
      }
    });
    this.tail = write;
    this.queued.push(write);
    if (this.queued.length > MAX_QUEUED_BATCHES) await this.queued.shift();
    this.lastYield = performance.now();
    this.throwIfFailed();
  }

  private async write(batch: PreparedTranscript[], vectors: Promise<string[]> | null) {
    if (vectors) {
      const computed = await vectors;
      batch.forEach((transcript, i) => {
        transcript.searchVector = computed[i];
        transcript.searchDocument = "";
      });
    }
    return storeTranscripts(this.client, this.target, batch, this.queries, this.prompts);
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure;
  }
}
