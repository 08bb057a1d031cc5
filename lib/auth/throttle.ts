import { logger } from "@/lib/log/logger";
import type pg from "pg";
import type { SignInThrottleScope } from "@/lib/generated/prisma/enums";

/**
 * Sign-in throttling that an outsider cannot turn into a lockout, kept in
 * PostgreSQL so that every web server counts the same attempts.
 *
 * The design is OWASP's "device cookie" one. A browser that once signed in to
 * an account holds a signed cookie saying so (lib/auth/device-cookie.ts); its
 * attempts on that account are counted for that browser alone. Everyone else
 * (no such cookie: a new browser, or an attacker) is counted per account and
 * address, and, all together, per account. So:
 * - guessing stays slow: five failures lock (account, client) for a minute,
 *   then 2, 4, ... up to an hour; twenty failures from browsers without the
 *   device cookie lock those out of the account for five minutes, doubling up
 *   to a day, however many addresses they come from; fifty failures from one
 *   address lock it out of every account, five minutes doubling to an hour;
 * - an outsider's failures never lock out the account's owner on a browser
 *   they signed in with before, whatever addresses or headers the outsider
 *   sends; on a new browser the owner may meet the account's untrusted lock,
 *   which an admin clears at /admin/users;
 * - every lock (and every clear) is written to sign_in_lock_events and the log.
 *
 * A failure more than an hour after the previous one starts the count again;
 * a day without failures forgets the earlier locks. A lock refuses before the
 * password is checked, so attempts while locked cost nothing and count nothing.
 */
export type ThrottleScope = SignInThrottleScope;

export const THROTTLE_RULES: Record<ThrottleScope, { failures: number; firstLockSeconds: number; longestLockSeconds: number }> = {
  account_client: { failures: 5, firstLockSeconds: 60, longestLockSeconds: 3_600 },
  account_untrusted: { failures: 20, firstLockSeconds: 300, longestLockSeconds: 86_400 },
  address: { failures: 50, firstLockSeconds: 300, longestLockSeconds: 3_600 },
};

export interface SignInClient {
  email: string;
  /** The client address (the first X-Forwarded-For hop: a hint, which the device cookie does not depend on). */
  address: string;
  /** The id of this browser's device cookie, when it is valid for this email. */
  deviceId: string | null;
}

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
  email: string | null;
  client: string | null;
}

type Queryable = Pick<pg.Pool, "query">;

/** The counters an attempt from this client touches. */
export function throttleKeys({ email, address, deviceId }: SignInClient): ThrottleKey[] {
  const account = email.toLowerCase();
  if (deviceId) {
    const client = `device:${deviceId}`;
    return [{ scope: "account_client", key: `${account}|${client}`, email: account, client }];
  }
  const client = `address:${address}`;
  return [
    { scope: "account_client", key: `${account}|${client}`, email: account, client },
    { scope: "account_untrusted", key: account, email: account, client: null },
    { scope: "address", key: address, email: null, client },
  ];
}

/** Seconds until every lock on these counters has ended; 0 when none holds. */
export async function lockedForSeconds(db: Queryable, keys: ThrottleKey[]): Promise<number> {
  const { rows } = await db.query<{ seconds: number | null }>(
    `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
       FROM sign_in_throttles
      WHERE (scope::text, key) IN (SELECT * FROM unnest($1::text[], $2::text[])) AND locked_until > now()`,
    [keys.map((k) => k.scope), keys.map((k) => k.key)],
  );
  return Math.max(0, rows[0]?.seconds ?? 0);
}

/** A counter as stored. */
export interface Counter {
  failures: number;
  locks: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The counter after one more failure at `now`: counted from 1 again after an
 * hour's quiet, earlier locks forgotten after a day's; at the threshold, a
 * lock twice as long as the previous one (capped), and the count starts again.
 */
export function afterFailure(
  counter: Counter | null,
  now: Date,
  rule: (typeof THROTTLE_RULES)[ThrottleScope],
): Counter & { justLocked: boolean } {
  const quietFor = counter ? now.getTime() - counter.lastFailureAt.getTime() : Infinity;
  const failures = quietFor > HOUR ? 1 : counter!.failures + 1;
  const locks = quietFor > DAY ? 0 : (counter?.locks ?? 0);
  if (failures < rule.failures)
    return { failures, locks, lockedUntil: counter?.lockedUntil ?? null, lastFailureAt: now, justLocked: false };
  const seconds = Math.min(rule.longestLockSeconds, rule.firstLockSeconds * 2 ** locks);
  return { failures: 0, locks: locks + 1, lockedUntil: new Date(now.getTime() + seconds * 1000), lastFailureAt: now, justLocked: true };
}

/**
 * Counts one failure on each counter. Each counter's row is locked while it is
 * read and written (FOR UPDATE), so two servers failing at once cannot both
 * miss the threshold. Returns the locks this failure set; each is logged.
 */
export async function recordFailure(
  pool: pg.Pool,
  keys: ThrottleKey[],
): Promise<{ scope: ThrottleScope; key: string; lockedUntil: Date }[]> {
  const locked: { scope: ThrottleScope; key: string; lockedUntil: Date }[] = [];
  const client = await pool.connect();
  try {
    for (const key of keys) {
      await client.query("BEGIN");
      const { rows } = await client.query<Counter & { now: Date }>(
        `SELECT failures, locks, locked_until AS "lockedUntil", last_failure_at AS "lastFailureAt", now() AS now
           FROM sign_in_throttles WHERE scope = $1 AND key = $2 FOR UPDATE`,
        [key.scope, key.key],
      );
      const now = rows[0]?.now ?? (await client.query<{ now: Date }>("SELECT now()")).rows[0].now;
      const next = afterFailure(rows[0] ?? null, now, THROTTLE_RULES[key.scope]);
      await client.query(
        `INSERT INTO sign_in_throttles AS t (scope, key, email, client, failures, locks, locked_until, last_failure_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (scope, key) DO UPDATE SET failures = $5, locks = $6, locked_until = $7, last_failure_at = $8`,
        [key.scope, key.key, key.email, key.client, next.failures, next.locks, next.lockedUntil, next.lastFailureAt],
      );
      if (next.justLocked) {
        await client.query(
          `INSERT INTO sign_in_lock_events (kind, scope, key, email, client, locked_until, failures) VALUES ('lock', $1, $2, $3, $4, $5, $6)`,
          [key.scope, key.key, key.email, key.client, next.lockedUntil, THROTTLE_RULES[key.scope].failures],
        );
        locked.push({ scope: key.scope, key: key.key, lockedUntil: next.lockedUntil! });
      }
      await client.query("COMMIT");
    }
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  for (const lock of locked)
    logger().warn(
      { scope: lock.scope, key: lock.key, failures: THROTTLE_RULES[lock.scope].failures, locked_until: lock.lockedUntil.toISOString() },
      "sign-in lock",
    );
  return locked;
}

/** A good password: this client's counter (and, from an untrusted client, the account's) starts again. */
export async function recordSuccess(db: Queryable, keys: ThrottleKey[]): Promise<void> {
  const cleared = keys.filter((key) => key.scope !== "address");
  await db.query(`DELETE FROM sign_in_throttles WHERE (scope::text, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
    cleared.map((k) => k.scope),
    cleared.map((k) => k.key),
  ]);
}

export interface ActiveLock {
  scope: ThrottleScope;
  key: string;
  email: string | null;
  client: string | null;
  lockedUntil: Date;
  locks: number;
}

export async function activeLocks(db: Queryable): Promise<ActiveLock[]> {
  const { rows } = await db.query<ActiveLock>(
    `SELECT scope, key, email, client, locked_until AS "lockedUntil", locks
       FROM sign_in_throttles WHERE locked_until > now() ORDER BY locked_until DESC LIMIT 200`,
  );
  return rows;
}

/** An admin lifts a lock (and its history of earlier locks); recorded with who did it. */
export async function clearLock(db: Queryable, scope: ThrottleScope, key: string, adminId: string): Promise<boolean> {
  const { rows } = await db.query<{ email: string | null; client: string | null }>(
    `DELETE FROM sign_in_throttles WHERE scope = $1 AND key = $2 RETURNING email, client`,
    [scope, key],
  );
  if (!rows[0]) return false;
  await db.query(`INSERT INTO sign_in_lock_events (kind, scope, key, email, client, actor_id) VALUES ('clear', $1, $2, $3, $4, $5)`, [
    scope,
    key,
    rows[0].email,
    rows[0].client,
    adminId,
  ]);
  logger().warn({ scope, key, admin_id: adminId }, "sign-in lock cleared");
  return true;
}
