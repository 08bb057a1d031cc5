import type pg from "pg";
import type { z } from "zod";
import type { Logger } from "@/lib/log/logger";
import type { Storage } from "@/lib/storage";

/**
 * What a kind of job is (lib/jobs/kinds.ts lists them): its payload schema,
 * how many run at once in one worker process, how often it is tried, and the
 * handler that does the work. See the README, "Adding a job kind".
 */
export interface JobKind<Payload = unknown, Result = unknown> {
  /** Stable name: stored in jobs.kind and used as graphile-worker's task identifier. */
  readonly name: string;
  readonly payload: z.ZodType<Payload>;
  /** Jobs of this kind one worker process runs at once (JOB_CONCURRENCY overrides it). */
  readonly concurrency: number;
  /** Attempts before a job that keeps failing transiently is given up (a kill -9 of its worker uses one). */
  readonly maxAttempts: number;
  run(context: JobContext<Payload>): Promise<Result>;
  /**
   * The job was cancelled, or failed for good: undo or mark the kind's own
   * records (an import's row). Called once, in the transaction that gives the
   * job its final status, whether or not an attempt had started.
   */
  settled?(client: pg.ClientBase, payload: Payload, outcome: { status: "cancelled" | "failed"; message: string }): Promise<void>;
}

export function defineJobKind<Payload, Result>(kind: JobKind<Payload, Result>): JobKind<Payload, Result> {
  return kind;
}

export interface JobContext<Payload> {
  jobId: number;
  payload: Payload;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** This attempt's id (jobs.run_id): new objects it writes are named after it. */
  runId: string;
  /** Aborted when the job is cancelled (reason "cancelled") or the worker shuts down (reason "shutdown"). */
  signal: AbortSignal;
  databaseUrl: string;
  /** For the heavy reads of a job (an export's scans): the replica when DATABASE_REPLICA_URL is set. */
  readDatabaseUrl: string;
  storage: Storage;
  log: Logger;
  /** Reports progress (written at most every 0.5 s, and whenever the total or the note changes). Throws once the job is aborted. */
  progress(done: number, total?: number | null, note?: string | null): Promise<void>;
  /**
   * Gives the job its final status `succeeded` inside the caller's transaction,
   * only if this attempt still owns the job and no cancel was asked for: how a
   * handler publishes its result atomically. False when it may not (then undo).
   */
  finish(client: pg.ClientBase, result: unknown): Promise<boolean>;
}

/** A failure worth trying again (database or storage unreachable): the job goes back to the queue with a backoff. */
export class TransientJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientJobError";
  }
}

/** The signal's reason when the job was cancelled, and when its worker is shutting down. */
export const CANCELLED = "cancelled";
export const SHUTDOWN = "shutdown";

export class JobAbortedError extends Error {
  constructor(readonly reason: typeof CANCELLED | typeof SHUTDOWN) {
    super(reason === CANCELLED ? "The job was cancelled." : "The worker is shutting down.");
    this.name = "JobAbortedError";
  }
}

export function throwIfAborted(signal: AbortSignal) {
  if (signal.aborted) throw new JobAbortedError(signal.reason === SHUTDOWN ? SHUTDOWN : CANCELLED);
}
