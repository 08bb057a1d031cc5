import { parse } from "csv-parse/sync";
import pg from "pg";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RatesTable } from "@/components/analytics/rates-table";
import { createApiToken } from "@/lib/api/tokens";
import { mulberry32 } from "@/lib/demo/prng";
import { Fixtures } from "@/lib/testing/fixtures";
import { plantSetting, PLANTED_SOURCE, type PlantedPair, type PlantedSetting } from "@/lib/testing/planted-setting";
import { chartParamsSchema } from "./chart-params";
import { csvNumber, csvP, formatBounds, formatInterval, formatP } from "./rates-table";
import { statisticsCsv } from "./statistics-csv";
import { statisticsResponseSchema, type StatisticsResponse } from "./statistics-json";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The page's table, the CSV and GET /api/v1/statistics/variations give the same numbers: all three
 * render one preparation (prepareStatistics). The API is called through its route handler with
 * real tokens; the CSV is what its route returns for the same parameters; the table is the page's
 * component rendered to HTML. Only leads may read the statistics.
 */
process.env.DATABASE_URL = testDatabaseUrl();
const { loadVariationChart } = await import("./load-variation-chart");
const route = await import("@/app/api/v1/statistics/variations/route");

const client = new pg.Client({ connectionString: testDatabaseUrl() });
const fixtures = new Fixtures(testDatabaseUrl());
let planted: PlantedSetting;
const tokens: Record<"lead" | "annotator" | "blind", string> = {} as never;

beforeAll(async () => {
  await Promise.all([client.connect(), fixtures.connect()]);
  const rng = mulberry32(3);
  const one = (t: number, d: number, af = 0): PlantedPair => {
    const training = rng() < t;
    return { training, deployment: rng() < d, af: training && rng() < af };
  };
  const queries = (count: number, samples: number, make: () => PlantedPair, correlated = false) =>
    Array.from({ length: count }, () => {
      const shared = make();
      return Array.from({ length: samples }, () => (correlated ? { ...shared } : make()));
    });
  planted = await plantSetting(client, [
    { name: "Default", isBaseline: true, queries: queries(120, 1, () => one(0.3, 0.1, 0.4)) },
    { name: "Cut RLHF info", queries: queries(120, 1, () => one(0.25, 0.2, 0.2)) },
    { name: "Repeated queries", queries: queries(30, 4, () => one(0.35, 0.1, 0.5), true) },
    { name: "Tiny", queries: queries(3, 1, () => one(0.5, 0.5, 0.5)) },
    { name: "Nothing labelled", queries: [] },
    { name: "Unpaired", queries: queries(80, 1, () => one(0.3, 0.3, 0.3)) },
  ]);
  // "Unpaired" loses the labels of ten deployment answers: its gap is no longer paired item by item.
  await client.query(
    `DELETE FROM source_labels WHERE transcript_id IN (
       SELECT id FROM transcripts WHERE variation_id = $1 AND condition = 'deployment' ORDER BY id LIMIT 10)`,
    [planted.variationIds[5]],
  );
  const { refreshLabelSignatures } = await import("./label-signatures");
  await refreshLabelSignatures(client, [planted.variationIds[5]]);

  const lead = await fixtures.user("lead", "Lead");
  const annotator = await fixtures.user("annotator", "Annotator");
  const blind = await fixtures.user("annotator", "Blind annotator");
  const queue = (
    await client.query(
      "INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('blind', true, 1, $1) RETURNING id",
      [lead],
    )
  ).rows[0].id;
  await client.query("INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)", [queue, blind]);
  tokens.lead = (await createApiToken(client, { id: lead, role: "lead" }, "stats")).token;
  tokens.annotator = (await createApiToken(client, { id: annotator, role: "annotator" }, "stats")).token;
  tokens.blind = (await createApiToken(client, { id: blind, role: "annotator" }, "stats")).token;
});
afterAll(async () => {
  await client.query(
    "DELETE FROM label_queues WHERE name = 'blind' AND created_by_id IN (SELECT id FROM users WHERE email LIKE '%@fixtures.test')",
  );
  await planted.remove();
  await fixtures.cleanup();
  await client.end();
});

const params = (extra: Record<string, string> = {}) => ({
  setting: planted.slug,
  source: PLANTED_SOURCE,
  compliance: "complied",
  af: "alignment_faking",
  flag: "bh",
  ...extra,
});
const call = (query: Record<string, string>, token?: string) =>
  route.GET(
    new Request(`http://localhost/api/v1/statistics/variations?${new URLSearchParams(query)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    undefined as never,
  );

/** The API's answer, the CSV's rows and the table's cells (by data-stat) for one chart state. */
async function threeWays(query: Record<string, string>) {
  const response = await call(query, tokens.lead);
  expect(response.status).toBe(200);
  const api: StatisticsResponse = statisticsResponseSchema.parse(await response.json());
  const loaded = await loadVariationChart(chartParamsSchema.parse(query));
  const csv: Record<string, string>[] = parse(statisticsCsv(loaded.statistics, loaded.reference), { columns: true });
  const html = renderToStaticMarkup(createElement(RatesTable, { statistics: loaded.statistics, reference: loaded.reference }));
  const table = [...html.matchAll(/<tr[^>]* data-variation="(\d+)"[^>]*>(.*?)<\/tr>/g)].map(([, id, row]) => ({
    id: Number(id),
    cells: Object.fromEntries(
      [...row.matchAll(/data-stat="([a-z_]+)">([^<]*)</g)].map(([, stat, text]) => [stat, text.replaceAll("&lt;", "<")]),
    ),
  }));
  return { api, csv, table };
}

const field = (value: number | boolean | string | null | undefined) => (value == null ? "" : String(value));

describe("GET /api/v1/statistics/variations, the CSV and the page's table", () => {
  it("give the same numbers, intervals, methods and adjusted p-values for every variation", async () => {
    const { api, csv, table } = await threeWays(params());
    expect(api.variations.map((v) => v.name)).toEqual([
      "Default",
      "Cut RLHF info",
      "Repeated queries",
      "Tiny",
      "Nothing labelled",
      "Unpaired",
    ]);
    expect(csv.map((row) => row.variation)).toEqual(api.variations.map((v) => v.name));
    expect(table.map((row) => row.id)).toEqual(api.variations.map((v) => v.variation_id));
    expect(api.methods["newcombe-paired"].reference).toMatch(/Stat Med 17:2635–2650/);
    expect(api).toMatchObject({ alpha: 0.05, flag: "bh", af_baseline: { name: "Default" } });

    api.variations.forEach((v, i) => {
      const row = csv[i];
      const cells = table[i].cells;
      expect(row.queries).toBe(String(v.queries));
      expect(cells.queries).toBe(`${v.queries} ${v.queries === 1 ? "query" : "queries"}`);
      expect(row.training_complies_with_af).toBe(field(v.training.complies_with_af));
      for (const [name, rate] of [
        ["af_rate", v.af_rate],
        ["compliance_training", v.compliance_training],
        ["compliance_deployment", v.compliance_deployment],
        ["compliance_gap", v.compliance_gap],
      ] as const) {
        expect(row[name], `${v.name} ${name}`).toBe(field(csvNumber(rate?.estimate)));
        expect(row[`${name}_low`]).toBe(field(csvNumber(rate?.lower)));
        expect(row[`${name}_high`]).toBe(field(csvNumber(rate?.upper)));
        expect(row[`${name}_n`]).toBe(field(rate?.n));
        expect(row[`${name}_clustered_low`]).toBe(field(csvNumber(rate?.clustered?.lower)));
        expect(row[`${name}_design_effect`]).toBe(field(csvNumber(rate?.clustered?.design_effect)));
        expect(cells[name], `${v.name} ${name}`).toBe(formatInterval(rate, name === "compliance_gap"));
        if (rate?.clustered) expect(cells[`${name}_clustered`]).toBe(formatBounds(rate.clustered));
        else expect(cells[`${name}_clustered`]).toBeUndefined();
      }
      expect(row.gap_interval_method).toBe(field(v.compliance_gap?.method));
      for (const [name, test] of [
        ["gap", v.gap_test],
        ["af_vs_baseline", v.af_vs_baseline],
      ] as const) {
        expect(row[`${name}_test`]).toBe(field(test?.test));
        expect(row[`${name}_p`]).toBe(field(csvP(test?.p)));
        expect(row[`${name}_p_holm`]).toBe(field(csvP(test?.p_holm)));
        expect(row[`${name}_p_bh`]).toBe(field(csvP(test?.p_bh)));
        expect(row[`${name}_significant_bh`]).toBe(field(test?.significant_bh));
        if (test) {
          expect(cells[`${name}_p`]).toBe(formatP(test.p));
          expect(cells[`${name}_p_holm`]).toBe(formatP(test.p_holm));
          expect(cells[`${name}_p_bh`]).toBe(formatP(test.p_bh));
        }
      }
    });

    const byName = new Map(api.variations.map((v) => [v.name, v]));
    // Each kind of row is there: paired and unpaired gaps, clustered intervals, nothing to count.
    expect(byName.get("Default")!.gap_test!.test).toBe("mcnemar-exact");
    expect(byName.get("Unpaired")!.compliance_gap!.method).toBe("newcombe-independent");
    expect(byName.get("Unpaired")!.gap_test!.test).toBe("fisher-exact");
    expect(byName.get("Repeated queries")!.compliance_training!.clustered).toMatchObject({ method: "design-effect", queries: 30 });
    expect(byName.get("Default")!.compliance_training!.clustered).toBeNull();
    expect(byName.get("Nothing labelled")).toMatchObject({ af_rate: null, compliance_gap: null, gap_test: null, af_vs_baseline: null });
    expect(table[4].cells.af_rate).toBe("–");
  });

  it("give '–' (empty, null) for the AF rate when the AF label is 'none'", async () => {
    const { api, csv, table } = await threeWays(params({ af: "" }));
    expect(api.variations.every((v) => v.af_rate === null && v.af_vs_baseline === null && v.training.complies_with_af === null)).toBe(true);
    expect(csv.every((row) => row.af_rate === "" && row.af_rate_low === "" && row.training_complies_with_af === "")).toBe(true);
    expect(table.every((row) => row.cells.af_rate === "–")).toBe(true);
    expect(api.variations[0].training.complies_af_unlabelled).toBeGreaterThan(0);
  });

  it("is for leads only: an annotator's and a blind annotator's tokens get 403, no credentials 401", async () => {
    expect((await call(params(), tokens.annotator)).status).toBe(403);
    expect((await call(params(), tokens.blind)).status).toBe(403);
    expect((await call(params())).status).toBe(401);
  });

  it("answers invalid options with 400 and says which", async () => {
    const response = await call(params({ alpha: "0.2" }), tokens.lead);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/alpha/);
    const unknown = await call(params({ adjust: "holm" }), tokens.lead);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toMatch(/adjust/);
  });
});

describe("the OpenAPI document", () => {
  it("describes the statistics' options and the shape of the answer", async () => {
    const openapi = await import("@/app/api/v1/openapi.json/route");
    const document = await (await openapi.GET(new Request("http://localhost/api/v1/openapi.json"), undefined as never)).json();
    const operation = document.paths["/statistics/variations"].get;
    const alpha = operation.parameters.find((p: { name: string }) => p.name === "alpha");
    expect(alpha.schema.enum).toEqual([0.01, 0.05, 0.1]);
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["flag", "vs", "af"]));
    const schema = document.components.schemas.VariationStatistics;
    expect(schema.properties.variations.items.properties.gap_test.anyOf[0].properties).toHaveProperty("p_holm");
    // A judge run as the source (source=@judge:<run>, corrected=1): the chart by judge's answer, raw and corrected rates.
    expect(operation.parameters.find((p: { name: string }) => p.name === "corrected").schema.const).toBe("1");
    expect(operation.responses["200"].content["application/json"].schema.oneOf).toEqual([
      { $ref: "#/components/schemas/VariationStatistics" },
      { $ref: "#/components/schemas/JudgeVariationRates" },
    ]);
    const judgeRates = document.components.schemas.JudgeVariationRates;
    expect(Object.keys(judgeRates.properties.rates.items.properties)).toEqual(
      expect.arrayContaining(["variation", "condition", "n", "positive", "rate", "corrected_rate"]),
    );
    expect(judgeRates.properties.rates.items.properties.corrected_rate.anyOf[0].properties).toHaveProperty("validation_n");
  });
});
