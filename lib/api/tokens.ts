import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { ROLE_ORDER, type UserRole } from "@/lib/auth/roles";

/**
 * Personal API tokens. A token is "afl_" + 32 random bytes (base64url): far
 * too much entropy to guess, so a plain sha256 is the right hash (a slow
 * password hash would only cost every request). Only the hash is stored; the
 * token is shown once. A request acts with the lower of the token's role (the
 * creator's role when it was made) and the user's role now.
 */
const TOKEN_PREFIX = "afl_";
export const TOKEN_PATTERN = /^afl_[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

type Queryable = Pick<pg.ClientBase, "query">;

export interface TokenSummary {
  id: number;
  name: string;
  prefix: string;
  role: UserRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function createApiToken(
  client: Queryable,
  user: { id: string; role: UserRole },
  name: string,
): Promise<{ id: number; token: string }> {
  const token = generateToken();
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix, role) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [user.id, name, hashToken(token), token.slice(0, 12), user.role],
  );
  return { id: rows[0].id, token };
}

/** Revokes one of the user's own tokens; false when there is no such live token. */
export async function revokeApiToken(client: Queryable, userId: string, id: number): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
    [id, userId],
  );
  return rowCount === 1;
}

export async function listApiTokens(client: Queryable, userId: string): Promise<TokenSummary[]> {
  const { rows } = await client.query<TokenSummary>(
    `SELECT id, name, prefix, role::text AS role, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
     FROM api_tokens WHERE user_id = $1 ORDER BY revoked_at IS NOT NULL, id DESC`,
    [userId],
  );
  return rows;
}

export interface TokenUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  tokenId: number;
}

const lower = (a: UserRole, b: UserRole) => (ROLE_ORDER.indexOf(a) <= ROLE_ORDER.indexOf(b) ? a : b);

/** The user a bearer token acts for, or null when it is unknown, revoked, or its user is banned. */
export async function authenticateToken(client: Queryable, token: string): Promise<TokenUser | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const { rows } = await client.query<{
    token_id: number;
    token_role: UserRole;
    id: string;
    name: string;
    email: string;
    role: UserRole;
    last_used_at: Date | null;
  }>(
    `SELECT k.id AS token_id, k.role::text AS token_role, k.last_used_at, u.id, u.name, u.email, u.role::text AS role
     FROM api_tokens k JOIN users u ON u.id = k.user_id
     WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND NOT coalesce(u.banned, false)`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return null;
  // Written at most once a minute: a script's burst of requests should not turn each read into a write.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await client.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.token_id]);
  }
  return { id: row.id, name: row.name, email: row.email, role: lower(row.token_role, row.role), tokenId: row.token_id };
}
