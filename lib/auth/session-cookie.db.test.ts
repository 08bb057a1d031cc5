import { createHmac } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { createAccount } from "./accounts";
import { SESSION_DAYS } from "./config";
import { readSessionCookie } from "./session-cookie";
import { standaloneAuth } from "./standalone";
import { deactivateUser } from "./users";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const SECRET = "another-test-secret-that-is-32-characters-long";
const url = testDatabaseUrl();
const fixtures = new Fixtures(url);
const { auth, prisma, close } = standaloneAuth(url, SECRET);
const ids: string[] = [];
const pool = new pg.Pool({ connectionString: url, max: 2 });

beforeAll(() => fixtures.connect());
afterAll(async () => {
  await fixtures.client.query(`DELETE FROM users WHERE id = ANY($1)`, [ids]);
  await fixtures.cleanup();
  await pool.end();
  await close();
});

/** Signs in through better-auth and returns the Cookie header it set. */
async function signedIn(email: string, role: "annotator" | "admin" = "annotator") {
  const user = await createAccount(auth, { email, name: "Reader", role, password: "a password long enough" });
  ids.push(user.id);
  const { headers } = await auth.api.signInEmail({ body: { email, password: "a password long enough" }, returnHeaders: true });
  return {
    user,
    cookie: headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; "),
  };
}

const read = (cookie: string, now?: number) => readSessionCookie(pool, new Headers({ cookie }), SECRET, now);

describe("reading better-auth's session cookie", () => {
  it("accepts the sessions better-auth signs in, with the user's role", async () => {
    const { user, cookie } = await signedIn("reader@cookie.test", "admin");
    expect(await read(cookie)).toEqual({ user: { id: user.id, name: "Reader", email: "reader@cookie.test", role: "admin" } });
    // better-auth agrees.
    expect((await auth.api.getSession({ headers: new Headers({ cookie }) }))?.user.id).toBe(user.id);
  });

  it("refuses a forged signature, another secret, an unknown token, and no cookie", async () => {
    const { cookie } = await signedIn("forged@cookie.test");
    const [name, value] = cookie.split("=");
    const token = decodeURIComponent(value).split(".")[0];
    const sign = (secret: string, t: string) =>
      `${name}=${encodeURIComponent(`${t}.${createHmac("sha256", secret).update(t).digest("base64")}`)}`;
    expect(await read(sign(SECRET, token))).not.toBeNull(); // the format is right...
    expect(await read(sign("not-the-secret-not-the-secret-not-the-secret", token))).toBeNull();
    expect(await read(sign(SECRET, "an-unknown-token"))).toBeNull();
    expect(await read(`${name}=${token}.AAAA`)).toBeNull();
    expect(await read(`${name}=${token}`)).toBeNull();
    expect(await read("")).toBeNull();
  });

  it("refuses a session after sign-out, after expiry, and of a deleted user; hands over to better-auth when due for refresh", async () => {
    const admin = await signedIn("admin@cookie.test", "admin");
    const out = await signedIn("out@cookie.test");
    await auth.api.signOut({ headers: new Headers({ cookie: out.cookie }) });
    expect(await read(out.cookie)).toBeNull();

    const later = await signedIn("later@cookie.test");
    expect(await read(later.cookie, Date.now() + (SESSION_DAYS + 1) * 86_400_000)).toBeNull();
    expect(await read(later.cookie, Date.now() + 2 * 86_400_000)).toBe("refresh");

    const gone = await signedIn("gone@cookie.test");
    await fixtures.client.query(`UPDATE users SET banned = true WHERE id = $1`, [gone.user.id]); // banned, session row left in place
    expect(await read(gone.cookie)).toBeNull();
    await deactivateUser(prisma, admin.user.id, later.user.id);
    expect(await read(later.cookie)).toBeNull();
  });
});
