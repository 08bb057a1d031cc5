import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECRET_FILE = path.resolve(import.meta.dirname, "../../.data/auth-secret");

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET when set, otherwise
 * one generated on first start and kept in .data/auth-secret (git-ignored,
 * readable by this user only), so sessions survive restarts.
 */
export function ensureAuthSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, secret + "\n", { mode: 0o600 });
  return secret;
}
