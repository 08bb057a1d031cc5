import pg from "pg";

/**
 * Runs one statement on its own connection: for what cannot run inside a test's client or transaction,
 * such as CREATE DATABASE and DROP DATABASE of a file's private database.
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
