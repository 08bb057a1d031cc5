import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createTestCorpus, type TestCorpus } from "@/lib/exports/test-corpus";
import { startWorker } from "@/lib/jobs/worker";
import { LocalStorage } from "@/lib/storage/local";
import { testDatabaseUrl } from "./database-url";

/**
 * What the API's route handlers run on in the API tests: this worker's database with the
 * export test corpus, a lead and an annotator, local storage in a temporary folder and a
 * worker of the job queue. DATABASE_URL and STORAGE_URL are set before it returns, so
 * route modules imported afterwards use them.
 */
export interface ApiHarness {
  databaseUrl: string;
  corpus: TestCorpus;
  client: pg.Client;
  users: Record<"lead" | "annotator", { id: string; role: "lead" | "annotator" }>;
  stop(): Promise<void>;
}

export async function startApiHarness(): Promise<ApiHarness> {
  const databaseUrl = testDatabaseUrl();
  process.env.DATABASE_URL = databaseUrl;
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "af-api-storage-"));
  process.env.STORAGE_URL = storageDir;
  const worker = await startWorker({ databaseUrl, storage: new LocalStorage(storageDir), shutdownGraceMs: 1_000 });
  const corpus = await createTestCorpus(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const users = {} as ApiHarness["users"];
  for (const role of ["lead", "annotator"] as const) {
    const id = `api-test-${role}-${corpus.dataset}`;
    await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, $3, now())`, [
      id,
      `${id}@api.test`,
      role,
    ]);
    users[role] = { id, role };
  }
  const stop = async () => {
    await worker.stop();
    const ids = Object.values(users).map((u) => u.id);
    await client.query(`DELETE FROM jobs WHERE created_by_id = ANY($1)`, [ids]);
    await client.query(`DELETE FROM users WHERE id = ANY($1)`, [ids]);
    await client.end();
    await corpus.cleanup();
    await rm(storageDir, { recursive: true, force: true });
  };
  return { databaseUrl, corpus, client, users, stop };
}

/** Requests and route arguments as Next hands them to a handler. */
export const url = (pathname: string) => `http://localhost${pathname}`;
export const get = (pathname: string, token?: string) =>
  new Request(url(pathname), { headers: token ? { authorization: `Bearer ${token}` } : {} });
export const post = (pathname: string, token: string, body: unknown) =>
  new Request(url(pathname), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
export const params = <T extends Record<string, string | string[]>>(value: T) => ({ params: Promise.resolve(value) });
export const NO_PARAMS = params({});
