import pg from "pg";

/**
 * Runs one statement on its own connection: for what cannot run inside a client's transaction,
 * such as CREATE DATABASE and DROP DATABASE (a test file's or a benchmark's private database).
 */
export async function adminSql(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
