import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const root = path.resolve(import.meta.dirname, "..");
let client: pg.Client;
const created: number[] = [];

/** `npm run jobs -- ...args`, as package.json runs it, against the test database (no worker runs: jobs stay queued). */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/jobs.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  const lines = result.stdout
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"));
  return { status: result.status, stderr: result.stderr, json: lines.map((line) => JSON.parse(line)) };
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client.query(`DELETE FROM jobs WHERE id = ANY($1)`, [created]);
  await client.end();
});

describe("npm run jobs", () => {
  it("queues a label-signature rebuild, lists and shows it, and cancels it", { timeout: 60_000 }, () => {
    const queued = cli("rebuild-label-signatures", "--variation", "1", "--variation", "2");
    expect(queued.status).toBe(0);
    const id = queued.json[0].id;
    created.push(id);
    expect(queued.json[0]).toEqual({ id, kind: "label-signatures", status: "queued" });
    expect(cli("list", "--kind", "label-signatures").json.map((job) => job.id)).toContain(id);
    expect(cli("show", String(id)).json[0]).toMatchObject({
      id,
      kind: "label-signatures",
      status: "queued",
      attempts: { made: 0, max: 3 },
    });
    expect(cli("cancel", String(id)).json[0]).toEqual({ id, outcome: "cancelled" });
    expect(cli("show", String(id)).json[0]).toMatchObject({ status: "cancelled" });
  });

  it("says what is wrong with a command", { timeout: 60_000 }, () => {
    expect(cli("cancel").status).toBe(2);
    expect(cli("rebuild-label-signatures", "--variation", "x")).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("--variation takes a variation id"),
    });
    expect(cli("show", "99999999")).toMatchObject({ status: 1, stderr: expect.stringContaining("There is no job 99999999.") });
  });
});
