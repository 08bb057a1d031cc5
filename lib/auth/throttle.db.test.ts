import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "./accounts";
import { deviceCookieValue } from "./device-cookie";
import { attemptSignIn, type Attempt } from "./sign-in-attempt";
import { standaloneAuth } from "./standalone";
import { activeLocks, clearLock } from "./throttle";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Finding 7: five wrong passwords from anywhere locked any account, the
 * admin's too, and the right password was then refused. Replayed here
 * against real PostgreSQL and better-auth: an outsider's failures, from any
 * number of addresses, never lock out the owner on a browser they signed in
 * with before; guessing stays slow; every lock is logged; an admin clears one.
 */
const SECRET = "a-throttle-test-secret-of-32-characters-or-more";
const url = testDatabaseUrl();
const { auth, close } = standaloneAuth(url, SECRET);
const pool = new pg.Pool({ connectionString: url, max: 3 });
const EMAIL = "throttled.admin@throttle.test";
const PASSWORD = "the right password";
let adminId: string;

beforeAll(async () => {
  adminId = (await createAccount(auth, { email: EMAIL, name: "Throttled Admin", role: "admin", password: PASSWORD })).id;
});
afterAll(async () => {
  await pool.query(`DELETE FROM sign_in_throttles WHERE email = $1 OR key LIKE '10.66.%'`, [EMAIL]);
  await pool.query(`DELETE FROM sign_in_lock_events WHERE email = $1 OR key LIKE '10.66.%'`, [EMAIL]);
  await pool.query(`DELETE FROM users WHERE id = $1`, [adminId]);
  await pool.end();
  await close();
});

const attempt = (overrides: Partial<Attempt>) =>
  attemptSignIn(
    { email: EMAIL, password: "a wrong guess", address: "10.66.0.1", deviceCookie: undefined, headers: new Headers(), ...overrides },
    { auth, pool, secret: SECRET },
  );
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "signed in",
    (error: Error) => error.message,
  );

describe("sign-in throttling", () => {
  it("never locks the owner out of a browser they signed in with, whatever an outsider does", async () => {
    // The admin signed in from this browser before: it holds the account's device cookie.
    const { deviceCookie } = await attempt({ password: PASSWORD, address: "10.66.1.1" });

    // An outsider guesses from one address: locked after five, growing; the right password is refused there meanwhile.
    for (let i = 1; i <= 5; i++) expect(await outcome(attempt({}))).toBe("Wrong email or password.");
    expect(await outcome(attempt({}))).toMatch(/^Too many sign-in attempts\. Try again in 1 minute\.$/);
    expect(await outcome(attempt({ password: PASSWORD }))).toMatch(/^Too many sign-in attempts/);
    // ... then from many addresses (or one forged X-Forwarded-For after another), even the admin's own.
    for (let i = 0; i < 30; i++) await outcome(attempt({ address: `10.66.2.${i}` }));
    await outcome(attempt({ address: "10.66.1.1" }));

    // The owner's browser is unaffected, from any address: the device cookie is what counts.
    expect(await outcome(attempt({ password: PASSWORD, address: "10.66.1.1", deviceCookie }))).toBe("signed in");
    expect(await outcome(attempt({ password: PASSWORD, address: "10.66.0.1", deviceCookie }))).toBe("signed in");
  });

  it("keeps guessing slow for browsers without the cookie however many addresses they use, and logs every lock", async () => {
    // Twenty failures from browsers without the device cookie lock those out of the account, from a fresh address too.
    expect(await outcome(attempt({ password: PASSWORD, address: "10.66.3.1" }))).toMatch(/^Too many sign-in attempts/);
    const locks = await activeLocks(pool);
    expect(locks.map((lock) => lock.scope).sort()).toEqual(expect.arrayContaining(["account_client", "account_untrusted"]));
    const { rows } = await pool.query<{ scope: string; key: string }>(
      `SELECT scope, key FROM sign_in_lock_events WHERE kind = 'lock' AND email = $1 ORDER BY id`,
      [EMAIL],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { scope: "account_client", key: `${EMAIL}|address:10.66.0.1` },
        { scope: "account_untrusted", key: EMAIL },
      ]),
    );

    // A forged device cookie, or one for another account, counts as none.
    const forged = `${Buffer.from(EMAIL).toString("base64url")}.someid.not-a-signature`;
    expect(await outcome(attempt({ password: PASSWORD, address: "10.66.3.1", deviceCookie: forged }))).toMatch(/^Too many/);
    const anotherAccounts = deviceCookieValue("someone@else.test", SECRET);
    expect(await outcome(attempt({ password: PASSWORD, address: "10.66.3.1", deviceCookie: anotherAccounts }))).toMatch(/^Too many/);
  });

  it("lets an admin clear a lock, recorded with who did it", async () => {
    expect(await clearLock(pool, "account_untrusted", EMAIL, adminId)).toBe(true);
    expect(await clearLock(pool, "account_untrusted", EMAIL, adminId)).toBe(false);
    expect(await outcome(attempt({ password: PASSWORD, address: "10.66.3.1" }))).toBe("signed in");
    const { rows } = await pool.query(`SELECT actor_id FROM sign_in_lock_events WHERE kind = 'clear' AND key = $1`, [EMAIL]);
    expect(rows).toEqual([{ actor_id: adminId }]);
  });
});
