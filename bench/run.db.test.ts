import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/lib/testing/database-url";
import { adminSql } from "@/lib/db/admin-sql";

/**
 * `npm run bench` as a person runs it, on a small corpus in a database of its
 * own on the test server: every run exits 0 after reporting (the pools are
 * closed and every connection is gone before the database is let go), and
 * --keep reuses a kept corpus that another benchmark added to, saying so,
 * instead of silently reseeding it.
 */
const root = path.resolve(import.meta.dirname, "..");
const adminUrl = testDatabaseUrl();
const name = `af_bench_run_${process.pid}`;
const benchUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

const admin = (sql: string) => adminSql(adminUrl, sql);

function bench(...args: string[]) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/run.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: benchUrl, BENCH_RUNS: "2" },
    encoding: "utf8",
  });
  const figures = result.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { name: string; value: number; [field: string]: unknown });
  return { status: result.status, stderr: result.stderr, figures };
}

/** What the bench database holds that import.rate adds to: transcripts, pairs, datasets, imports. */
async function benchCounts() {
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM transcripts)::int AS transcripts, (SELECT count(*) FROM pairs)::int AS pairs,
              (SELECT count(*) FROM datasets)::int AS datasets, (SELECT count(*) FROM imports)::int AS imports,
              (SELECT count(*) FROM datasets WHERE name = 'bench-import')::int AS "importDatasets"`,
    );
    return rows[0] as { transcripts: number; pairs: number; datasets: number; imports: number; importDatasets: number };
  } finally {
    await client.end();
  }
}

beforeAll(() => admin(`CREATE DATABASE "${name}"`));
afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe("npm run bench", () => {
  it(
    "exits 0 after reporting, and --keep reuses a corpus another benchmark changed, saying why it does or does not reseed",
    { timeout: 900_000 },
    () => {
      const first = bench("--size", "200", "--keep", "--only", "list");
      expect(first.stderr).toContain("corpus: seeding 200 demo transcripts (the database has none)");
      expect(first.status).toBe(0);
      expect(first.figures.map((figure) => figure.name)).toContain("list.search_p95");

      // charts adds its own 150-variation setting beside the demo corpus (200 more transcripts).
      const charts = bench("--size", "200", "--keep", "--only", "charts");
      expect(charts.status).toBe(0);
      expect(charts.figures.map((figure) => figure.name)).toEqual(["charts.all_variations", "charts.refresh"]);

      const again = bench("--size", "200", "--keep", "--only", "list");
      expect(again.stderr).toContain("corpus: reusing the kept 200 demo transcripts");
      expect(again.stderr).not.toContain("reseeding");
      expect(again.status).toBe(0);

      const resized = bench("--size", "300", "--keep", "--only", "charts,list");
      expect(resized.stderr).toContain("charts: rebuilding the 150-variation setting: it has 200 transcripts, --size asks for 300");
      expect(resized.stderr).toContain("corpus: reseeding, because the kept database has 200 demo transcripts and --size asks for 300");
      expect(resized.status).toBe(0);
      expect(resized.stderr).not.toMatch(/terminating connection|Unhandled/);
    },
  );

  it("import.rate runs again on a kept database, and leaves it as it found it", { timeout: 300_000 }, async () => {
    const first = bench("--size", "100", "--keep", "--only", "import");
    expect(first.status).toBe(0);
    const kept = await benchCounts();
    expect(kept.importDatasets).toBe(0);

    const again = bench("--size", "100", "--keep", "--only", "import");
    expect(again.stderr).not.toContain("the import stored");
    expect(again.status).toBe(0);
    expect(again.figures.find((figure) => figure.name === "import.rate")).toMatchObject({ size: 100, corpus: kept.transcripts });
    expect(await benchCounts()).toEqual(kept);
  });
});
