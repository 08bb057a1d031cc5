/**
 * Requests per minute as a steady pace: each request starts no sooner than
 * 60 000 / rpm ms after the previous one (no burst, so a provider's
 * per-minute window is never overrun even right after a resume).
 */
export class RequestPacer {
  private next = 0;
  constructor(private readonly requestsPerMinute: number | null) {}

  async wait(signal?: AbortSignal): Promise<void> {
    if (!this.requestsPerMinute) return;
    const interval = 60_000 / this.requestsPerMinute;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + interval;
    if (at > now) await sleep(at - now, signal);
  }

  /** A 429 told everyone to wait: no request starts before then. */
  pushBack(ms: number) {
    this.next = Math.max(this.next, Date.now() + ms);
  }
}

function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
