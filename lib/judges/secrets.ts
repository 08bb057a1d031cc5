import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

/**
 * Provider API keys. A judge names its key (judges.api_key_name); the key is
 * JUDGE_KEY_<NAME> from the environment, or a row of provider_secrets an admin
 * saved, encrypted with AES-256-GCM (random 96-bit IV, 128-bit tag; the name
 * is authenticated data, so a ciphertext cannot be moved to another name).
 * The encryption key is JUDGE_SECRETS_KEY (32 bytes, base64) or one generated
 * on first use in .data/judge-secrets.key (mode 0600), beside the data dir.
 * Keys are never sent to the browser, logged or exported: only the names are.
 */
// A runtime file, not a build asset: the comment keeps Turbopack from tracing the whole project into the build for it.
const KEY_FILE = () =>
  path.resolve(
    /* turbopackIgnore: true */ process.env.JUDGE_SECRETS_KEY_FILE ??
      path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "judge-secrets.key"),
  );

function encryptionKey(): Buffer {
  const fromEnv = process.env.JUDGE_SECRETS_KEY;
  const text = fromEnv ?? (existsSync(KEY_FILE()) ? readFileSync(KEY_FILE(), "utf8").trim() : generateKeyFile());
  const key = Buffer.from(text, "base64");
  if (key.length !== 32)
    throw new Error(`${fromEnv ? "JUDGE_SECRETS_KEY" : KEY_FILE()} must hold 32 bytes in base64 (it holds ${key.length}).`);
  return key;
}

function generateKeyFile(): string {
  mkdirSync(path.dirname(KEY_FILE()), { recursive: true });
  const text = randomBytes(32).toString("base64");
  writeFileSync(KEY_FILE(), text + "\n", { mode: 0o600, flag: "wx" });
  return text;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(name: string, plaintext: string, key = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(name, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptSecret(name: string, stored: string, key = encryptionKey()): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error(`The stored key "${name}" is not in a known format.`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(name, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`The stored key "${name}" cannot be decrypted: it was saved with another encryption key, or altered.`);
  }
}

export async function saveProviderSecret(
  client: Pick<pg.ClientBase, "query">,
  name: string,
  plaintext: string,
  createdById: string | null,
) {
  await client.query(
    `INSERT INTO provider_secrets (name, ciphertext, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET ciphertext = excluded.ciphertext, created_by = excluded.created_by, updated_at = now()`,
    [name, encryptSecret(name, plaintext), createdById],
  );
}

/** The key a judge names: the environment first, then the encrypted store. Null when neither has it. */
export async function resolveApiKey(client: Pick<pg.ClientBase, "query">, name: string | null): Promise<string | null> {
  if (!name) return null;
  const fromEnv = process.env[`JUDGE_KEY_${name}`];
  if (fromEnv) return fromEnv;
  const { rows } = await client.query<{ ciphertext: string }>(`SELECT ciphertext FROM provider_secrets WHERE name = $1`, [name]);
  return rows[0] ? decryptSecret(name, rows[0].ciphertext) : null;
}

/** Forgets a stored key; true when there was one. A key from the environment stays (it is the environment's). */
export async function deleteProviderSecret(client: Pick<pg.ClientBase, "query">, name: string): Promise<boolean> {
  const { rowCount } = await client.query(`DELETE FROM provider_secrets WHERE name = $1`, [name]);
  return (rowCount ?? 0) > 0;
}

/** One key name as the admin's page lists it: where it is set, and the judges that name it. Never the value. */
export interface ProviderKeyStatus {
  name: string;
  /** A row of provider_secrets (encrypted). */
  stored: boolean;
  /** JUDGE_KEY_<NAME> is set in the server's environment (it wins over the stored one). */
  fromEnvironment: boolean;
  updatedAt: Date | null;
  judges: string[];
}

/** Every key name a judge uses or an admin stored, by name. */
export async function providerKeyStatuses(client: Pick<pg.ClientBase, "query">): Promise<ProviderKeyStatus[]> {
  const { rows } = await client.query<{ name: string; updated_at: Date | null; stored: boolean; judges: string[] }>(
    `SELECT n.name, s.updated_at, s.name IS NOT NULL AS stored,
            coalesce((SELECT array_agg(j.name ORDER BY j.name) FROM judges j WHERE j.api_key_name = n.name), '{}') AS judges
       FROM (SELECT name FROM provider_secrets UNION SELECT api_key_name FROM judges WHERE api_key_name IS NOT NULL) n
       LEFT JOIN provider_secrets s ON s.name = n.name
      ORDER BY n.name`,
  );
  return rows.map((row) => ({
    name: row.name,
    stored: row.stored,
    fromEnvironment: Boolean(process.env[`JUDGE_KEY_${row.name}`]),
    updatedAt: row.updated_at,
    judges: row.judges,
  }));
}
