/**
 * Polls `read` until `done` holds, then returns the value: for tests that
 * wait on background work (a job, a server). The deadline only stops a test
 * that would otherwise hang; nothing is asserted about how long it took.
 */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = 60_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
