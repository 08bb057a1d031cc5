import type pg from "pg";
import { QueryIdCache, storeTranscripts, type PreparedTranscript, type Rejection, type StoreTarget } from "@/lib/transcripts/store";

/** Rows and bytes per write: big enough to amortise round trips, small enough to keep memory flat. */
const MAX_ROWS = 1_000;
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * Collects prepared transcripts and writes them in batches, one batch in
 * flight while the next is being read and parsed (the database and the
 * parser work at the same time). Writes stay in order on one connection.
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

  constructor(
    private readonly client: pg.ClientBase,
    private readonly target: StoreTarget,
    private readonly onRejected: (rejections: Rejection[]) => void,
  ) {}

  /** Resolves once the transcript is queued; waits only when a full batch must wait for the one before it. */
  async add(transcript: PreparedTranscript): Promise<void> {
    this.batch.push(transcript);
    this.bytes += transcript.encodedContent.length;
    if (this.batch.length >= MAX_ROWS || this.bytes >= MAX_BYTES) await this.dispatch();
  }

  /** Writes what is left and waits for everything; throws the first write failure. */
  async flush(): Promise<void> {
    await this.dispatch();
    await this.inFlight;
    this.throwIfFailed();
  }

  private async dispatch() {
    await this.inFlight;
    this.throwIfFailed();
    const batch = this.batch;
    this.batch = [];
    this.bytes = 0;
    if (!batch.length) return;
    // Kept as a settled promise: a failure surfaces on the next add() or flush(), never as an unhandled rejection.
    this.inFlight = storeTranscripts(this.client, this.target, batch, this.queries).then(
      (outcome) => {
        this.inserted += outcome.inserted;
        this.duplicates += outcome.duplicates;
        this.labels += outcome.labels;
        if (outcome.rejected.length) this.onRejected(outcome.rejected);
      },
      (error: unknown) => {
        this.failure = error;
      },
    );
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure;
  }
}
