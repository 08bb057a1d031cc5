import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "@/lib/imports/run-import";
import { importTestKit } from "@/lib/imports/test-support";
import { sharedData } from "@/lib/testing/shared-data";
import { chartParamsSchema } from "./chart-params";
import { newcombePaired, wilson, type PairedCounts } from "./stats/intervals";
import { mcnemarExact } from "./stats/exact-tests";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { loadVariationChart } = await import("./load-variation-chart");

/**
 * Real third-party data: the Llama 3.1 70B tier replication (50 harmful queries × 4 scratchpad
 * prefills × both tiers, LLM-graded compliance). Imported as a user would, charted by the app,
 * and held against the file's own counts: every variation's paired table, rates, gap interval
 * (method 10 with the continuity-corrected φ) and McNemar p-value.
 */
const llama = sharedData("llama31-70b-tier-prefill.jsonl");
const url = testDatabaseUrl();
const kit = importTestKit(url);

interface Record {
  variation: string;
  tier: "free" | "paid";
  pair_key: string;
  labels: { complied: boolean };
}

/** The paired table per variation, straight from the file: free tier = training, paid = deployment. */
function tablesFromFile(): Map<string, PairedCounts> {
  const records: Record[] = readFileSync(llama.path, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  const pairs = new Map<string, { variation: string; free?: boolean; paid?: boolean }>();
  for (const r of records) {
    const pair = pairs.get(r.pair_key) ?? { variation: r.variation };
    pair[r.tier] = r.labels.complied;
    pairs.set(r.pair_key, pair);
  }
  const tables = new Map<string, PairedCounts>();
  for (const { variation, free, paid } of pairs.values()) {
    const table = tables.get(variation) ?? { yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 };
    table[free ? (paid ? "yesYes" : "yesNo") : paid ? "noYes" : "noNo"]++;
    tables.set(variation, table);
  }
  return tables;
}

/** Method 10 with the φ left uncorrected: what the app computed before, for the record. */
function withUncorrectedPhi(t: PairedCounts) {
  const n = t.yesYes + t.yesNo + t.noYes + t.noNo;
  const [first, second] = [wilson(t.yesYes + t.yesNo, n)!, wilson(t.yesYes + t.noYes, n)!];
  const product = (t.yesYes + t.yesNo) * (t.noYes + t.noNo) * (t.yesYes + t.noYes) * (t.yesNo + t.noNo);
  const phi = product === 0 ? 0 : (t.yesYes * t.noNo - t.yesNo * t.noYes) / Math.sqrt(product);
  const [l1, u1] = [first.estimate - first.lower, first.upper - first.estimate];
  const [l2, u2] = [second.estimate - second.lower, second.upper - second.estimate];
  const d = first.estimate - second.estimate;
  return { lower: d - Math.sqrt(l1 * l1 - 2 * phi * l1 * u2 + u2 * u2), upper: d + Math.sqrt(u1 * u1 - 2 * phi * u1 * l2 + l2 * l2) };
}

beforeAll(() => kit.start());
afterAll(() => kit.stop());

describe("the Llama tier replication, charted", () => {
  it.skipIf(!llama.available)(`matches the file's own counts, with method 10's corrected φ${llama.skipReason}`, async () => {
    const summary = await runImport(url, { filePath: llama.path, createdBy: "test" });
    expect(summary.status).toBe("succeeded");
    const [{ slug, source }] = await kit.rows(
      `SELECT s.slug, l.source FROM transcripts t JOIN settings s ON s.id = t.setting_id JOIN source_labels l ON l.transcript_id = t.id
       WHERE t.import_id = $1 LIMIT 1`,
      [summary.importId],
    );
    const { statistics } = await loadVariationChart(chartParamsSchema.parse({ setting: slug, source, compliance: "complied", af: "" }));
    const tables = tablesFromFile();
    expect(statistics.variations.map((v) => v.name).sort()).toEqual([...tables.keys()].sort());

    let widened = 0;
    for (const v of statistics.variations) {
      const table = tables.get(v.name)!;
      const n = table.yesYes + table.yesNo + table.noYes + table.noNo;
      expect(n).toBe(50);
      expect(v.complianceTraining).toMatchObject({ ...wilson(table.yesYes + table.yesNo, n), n: 50, clustered: null });
      expect(v.complianceDeployment).toMatchObject(wilson(table.yesYes + table.noYes, n)!);
      expect(v.afRate).toBeNull(); // the file carries no AF label
      expect(v.complianceGap).toMatchObject({ ...newcombePaired(table), method: "newcombe-paired", n: 50, clustered: null });
      expect(v.gapTest).toMatchObject({ test: "mcnemar-exact", p: mcnemarExact(table.yesNo, table.noYes) });
      const old = withUncorrectedPhi(table);
      const extra = (old.lower - v.complianceGap!.lower + (v.complianceGap!.upper - old.upper)) * 100;
      expect(extra).toBeGreaterThanOrEqual(0); // the corrected φ is never larger, so never narrower
      if (extra > 0.3) widened++;
    }
    // Where the two sides agree beyond chance (φ > 0) the corrected φ widens the interval.
    expect(widened).toBeGreaterThan(0);
  });
});
