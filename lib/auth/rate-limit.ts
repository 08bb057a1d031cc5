/**
 * Fixed-window attempt counters, kept in this process's memory (the app runs
 * as one Node process; a restart forgets them, which only ever lets someone
 * try again sooner).
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Counts one attempt for `key`; refused (with seconds to wait) once `max` were made this window. */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    let entry = this.windows.get(key);
    if (!entry || now >= entry.resetAt) {
      if (this.windows.size >= this.maxKeys) this.prune(now);
      entry = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, entry);
    }
    if (entry.count >= this.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
    entry.count++;
    return { ok: true };
  }

  clear(key: string) {
    this.windows.delete(key);
  }

  private prune(now: number) {
    for (const [key, entry] of this.windows) if (now >= entry.resetAt) this.windows.delete(key);
    // Still full of live keys (an attack from many addresses): forget the oldest.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

/**
 * Sign-in limits. Per account: 5 attempts per 15 minutes, reset by a
 * successful sign-in (guessing one password is slow even from many
 * addresses). Per client address: 30 attempts per 10 minutes (spraying many
 * accounts from one place is slow).
 */
export const signInLimits = {
  perAccount: new AttemptLimiter(5, 15 * 60_000),
  perAddress: new AttemptLimiter(30, 10 * 60_000),
};

export type SignInVerdict = { ok: true } | { ok: false; message: string };

export function checkSignInAttempt(email: string, address: string, now = Date.now()): SignInVerdict {
  const byAddress = signInLimits.perAddress.take(address, now);
  const byAccount = signInLimits.perAccount.take(email.toLowerCase(), now);
  const refused = [byAddress, byAccount].find((verdict) => !verdict.ok);
  if (!refused || refused.ok) return { ok: true };
  const minutes = Math.ceil(refused.retryAfterSeconds / 60);
  return { ok: false, message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
}

export function signInSucceeded(email: string) {
  signInLimits.perAccount.clear(email.toLowerCase());
}
