import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@/lib/auth/roles";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Provider keys through the visibility layer (lib/access/judges.ts), as the
 * admin page and its actions call it: an admin saves, replaces, lists and
 * deletes a key; the list names keys and judges, never a value; the stored
 * row is ciphertext the judges' resolver decrypts; a lead, an annotator, a
 * blind annotator and a signed-out client are refused all of it.
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
process.env.JUDGE_SECRETS_KEY = randomBytes(32).toString("base64");
const { runAs } = await import("./viewer");
const { providerKeysForAdmin, removeProviderKey, saveProviderKey } = await import("./judges");
const { resolveApiKey } = await import("@/lib/judges/secrets");

const fixtures = new Fixtures(url);
const people: Record<"admin" | "lead" | "annotator" | "blind", string> = { admin: "", lead: "", annotator: "", blind: "" };
const ROLES: Record<keyof typeof people, UserRole> = { admin: "admin", lead: "lead", annotator: "annotator", blind: "annotator" };
const as = (who: keyof typeof people | null) =>
  who === null
    ? <T>(work: () => Promise<T>) => runAs(null, work)
    : <T>(work: () => Promise<T>) =>
        runAs({ id: people[who], role: ROLES[who], name: who, email: `${who}@keys.test`, via: "session" }, work);
const suffix = `${process.pid}_${Date.now()}`;
const NAME = `KEYS_TEST_${suffix}`;
const ENV_NAME = `KEYS_TEST_ENV_${suffix}`;
const judgeName = `keys-test-${suffix}`;
const VALUE = `sk-test-${randomBytes(12).toString("hex")}`;

beforeAll(async () => {
  await fixtures.connect();
  for (const who of Object.keys(people) as (keyof typeof people)[]) people[who] = await fixtures.user(ROLES[who], `Keys ${who}`);
  const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
  // A judge naming a key nobody stored yet, and one set only in the environment.
  await q(
    `INSERT INTO judges (name, kind, label_key, provider, model, api_key_name, created_by) VALUES ($1, 'llm', 'af_verdict', 'openai', 'm', $2, $3)`,
    [judgeName, ENV_NAME, people.lead],
  );
  process.env[`JUDGE_KEY_${ENV_NAME}`] = "from-the-environment";
  const queue = (
    await q(`INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('keys', true, 1, $1) RETURNING id`, [
      people.lead,
    ])
  ).rows[0].id;
  await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queue, people.blind]);
});

afterAll(async () => {
  delete process.env[`JUDGE_KEY_${ENV_NAME}`];
  await fixtures.client.query(`DELETE FROM provider_secrets WHERE name = ANY($1)`, [[NAME, ENV_NAME]]);
  await fixtures.client.query(`DELETE FROM judges WHERE name = $1`, [judgeName]);
  await fixtures.cleanup();
});

describe("an admin's provider keys", () => {
  it("saves a key encrypted, lists its name and where it is set (never the value), replaces and deletes it", async () => {
    const admin = as("admin");
    const before = await admin(() => providerKeysForAdmin());
    expect(before.find((key) => key.name === ENV_NAME)).toMatchObject({ stored: false, fromEnvironment: true, judges: [judgeName] });
    expect(before.find((key) => key.name === NAME)).toBeUndefined();

    await admin(() => saveProviderKey(NAME, VALUE));
    const stored = await fixtures.client.query<{ ciphertext: string; created_by: string }>(
      `SELECT ciphertext, created_by FROM provider_secrets WHERE name = $1`,
      [NAME],
    );
    expect(stored.rows[0].created_by).toBe(people.admin);
    expect(stored.rows[0].ciphertext).not.toContain(VALUE);
    expect(await resolveApiKey(fixtures.client, NAME)).toBe(VALUE);

    const listed = await admin(() => providerKeysForAdmin());
    expect(listed.find((key) => key.name === NAME)).toMatchObject({ stored: true, fromEnvironment: false, judges: [] });
    expect(JSON.stringify(listed)).not.toContain(VALUE);
    expect(JSON.stringify(listed)).not.toContain("from-the-environment");

    await admin(() => saveProviderKey(NAME, `${VALUE}-replaced`));
    expect(await resolveApiKey(fixtures.client, NAME)).toBe(`${VALUE}-replaced`);
    expect((await fixtures.client.query(`SELECT 1 FROM provider_secrets WHERE name = $1`, [NAME])).rowCount).toBe(1);

    expect(await admin(() => removeProviderKey(NAME))).toBe(true);
    expect(await admin(() => removeProviderKey(NAME))).toBe(false);
    expect(await resolveApiKey(fixtures.client, NAME)).toBeNull();
    expect((await admin(() => providerKeysForAdmin())).find((key) => key.name === NAME)).toBeUndefined();
  });
});

describe("who may touch provider keys", () => {
  beforeAll(async () => {
    await as("admin")(() => saveProviderKey(ENV_NAME, VALUE));
  });

  for (const [who, expected] of [
    [null, /Sign in/],
    ["lead", /admin role/],
    ["annotator", /admin role/],
    ["blind", /admin role/],
  ] as const) {
    it(`${who ?? "a signed-out client"} can neither list, set nor delete a key`, async () => {
      await expect(as(who)(() => providerKeysForAdmin())).rejects.toThrow(expected);
      await expect(as(who)(() => saveProviderKey(ENV_NAME, "overwritten"))).rejects.toThrow(expected);
      await expect(as(who)(() => removeProviderKey(ENV_NAME))).rejects.toThrow(expected);
      const row = await fixtures.client.query(`SELECT 1 FROM provider_secrets WHERE name = $1`, [ENV_NAME]);
      expect(row.rowCount, "the stored key is still there").toBe(1);
      delete process.env[`JUDGE_KEY_${ENV_NAME}`];
      expect(await resolveApiKey(fixtures.client, ENV_NAME)).toBe(VALUE);
      process.env[`JUDGE_KEY_${ENV_NAME}`] = "from-the-environment";
    });
  }
});
