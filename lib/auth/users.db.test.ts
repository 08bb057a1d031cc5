import { APIError } from "better-auth/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { Fixtures } from "@/lib/testing/fixtures";
import { createAccount, ensureDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { standaloneAuth } from "./standalone";
import { deactivateUser, listUsers, reactivateUser, setUserRole } from "./users";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const fixtures = new Fixtures(url);
const { auth, prisma, close } = standaloneAuth(url, "a-test-secret-that-is-at-least-32-characters");
const created: string[] = [];

beforeAll(async () => {
  process.env.DATABASE_URL = url;
  await fixtures.connect();
});
afterAll(async () => {
  await fixtures.client.query(`DELETE FROM annotation_audit WHERE actor_id = ANY($1)`, [created]);
  await fixtures.client.query(`DELETE FROM annotations WHERE annotator_id = ANY($1)`, [created]);
  await fixtures.client.query(`DELETE FROM users WHERE id = ANY($1) OR email LIKE '%@demo.test'`, [created]);
  await fixtures.cleanup();
  await close();
});

async function account(email: string, role: "admin" | "lead" | "annotator" = "annotator") {
  const user = await createAccount(auth, { email, name: email.split("@")[0], role, password: "correct horse battery" });
  created.push(user.id);
  return user;
}

const signIn = (email: string, password: string) => auth.api.signInEmail({ body: { email, password } });

describe("accounts", () => {
  it("sign in with email and password; the password is stored as a scrypt hash, never as given", async () => {
    const user = await account("alice@users.test", "lead");
    const session = await signIn("alice@users.test", "correct horse battery");
    expect(session.user.id).toBe(user.id);
    await expect(signIn("alice@users.test", "wrong password")).rejects.toBeInstanceOf(APIError);
    const { rows } = await fixtures.client.query(
      `SELECT a.password, u.role FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.id = $1`,
      [user.id],
    );
    expect(rows[0].role).toBe("lead");
    expect(rows[0].password).not.toContain("correct horse");
    expect(rows[0].password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/); // salt:key, scrypt
  });

  it("has no public sign-up", async () => {
    await expect(
      auth.api.signUpEmail({ body: { email: "mallory@users.test", password: "a long password", name: "M" } }),
    ).rejects.toBeInstanceOf(APIError);
  });

  it("deleting a user keeps their labels and audit entries, and ends their access", async () => {
    const admin = await account("root@users.test", "admin");
    const bob = await account("bob@users.test");
    await signIn("bob@users.test", "correct horse battery");
    const transcriptId = await fixtures.transcript("I am in training.");
    const saved = await saveAnnotation(transcriptId, bob.id, {
      expectedVersion: 0,
      schemaVersion: (await getCurrentSchema()).version,
      values: { compliance: 2 },
      note: "",
      spans: [],
      submit: true,
    });
    expect(saved.ok).toBe(true);

    await deactivateUser(prisma, admin.id, bob.id);
    const count = async (sql: string) => (await fixtures.client.query(sql, [bob.id])).rows[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM annotations WHERE annotator_id = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM annotation_audit WHERE actor_id = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`)).toBe(0);
    await expect(signIn("bob@users.test", "correct horse battery")).rejects.toBeInstanceOf(APIError);
    expect((await listUsers(prisma)).find((user) => user.id === bob.id)).toMatchObject({ active: false, annotations: 1 });
    // Even a direct delete cannot take the labels with it.
    await expect(fixtures.client.query(`DELETE FROM users WHERE id = $1`, [bob.id])).rejects.toThrow(/foreign key/);

    await reactivateUser(auth, prisma, bob.id, "a brand new password");
    expect((await signIn("bob@users.test", "a brand new password")).user.id).toBe(bob.id);
  });

  it("an admin cannot delete themself or demote the last admin", async () => {
    const admin = await account("solo@users.test", "admin");
    await expect(deactivateUser(prisma, admin.id, admin.id)).rejects.toThrow(/your own account/);
    await fixtures.client.query(`UPDATE users SET banned = true WHERE role = 'admin' AND id <> $1`, [admin.id]);
    await expect(setUserRole(prisma, admin.id, admin.id, "lead")).rejects.toThrow(/only admin/);
    await fixtures.client.query(`UPDATE users SET banned = false WHERE id = ANY($1) AND role = 'admin'`, [created]);
  });

  it("creates the demo accounts once", async () => {
    const first = await ensureDemoAccounts(auth);
    expect(first).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    expect(await ensureDemoAccounts(auth)).toEqual([]);
    const session = await signIn("lead@demo.test", DEMO_PASSWORD);
    expect(session.user).toMatchObject({ role: "lead", name: "Lee Lead" });
  });
});
