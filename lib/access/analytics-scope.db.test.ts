import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { plantSetting, PLANTED_SOURCE, type PlantedSetting } from "@/lib/testing/planted-setting";
import { chartParamsSchema } from "@/lib/analytics/chart-params";
import type { UserRole } from "@/lib/auth/roles";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The /analytics page (issue 16) asks the visibility layer for the chart's scope
 * (its filters render from it) and for the chart (streamed after), in one
 * request: the choices, the reference series and the judge runs are read once
 * between them. Counted on the statements the app's own Prisma client sends to
 * the real database (its query log, read from the one client lib/db/client.ts
 * keeps), not on the functions called. The scope is also refused, as every
 * chart, to a signed-out client, an annotator and a blind annotator.
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
const statements: string[] = [];
const observed = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
observed.$on("query", (event) => statements.push(event.query));
// db() (lib/db/client.ts) keeps its client here and makes one only if none is there: every statement of the app goes through this one.
(globalThis as unknown as { prisma?: PrismaClient }).prisma = observed;

const { runAs } = await import("./viewer");
const { variationChart, variationChartScope } = await import("./analytics");

const fixtures = new Fixtures(url);
const client = new pg.Client({ connectionString: url });
let planted: PlantedSetting;
let queueId: number;
const people: Record<"lead" | "annotator" | "blind", string> = { lead: "", annotator: "", blind: "" };
const as =
  (who: keyof typeof people | null, role: UserRole = who === "lead" ? "lead" : "annotator") =>
  <T>(work: () => Promise<T>) =>
    runAs(who === null ? null : { id: people[who], role, name: who, email: `${who}@analytics-scope.test`, via: "session" }, work);

beforeAll(async () => {
  await Promise.all([client.connect(), fixtures.connect()]);
  planted = await plantSetting(client, [
    {
      name: "Baseline",
      isBaseline: true,
      queries: [[{ training: true, deployment: false, af: true }], [{ training: false, deployment: false }]],
    },
    { name: "Other", queries: [[{ training: true, deployment: true }]] },
  ]);
  people.lead = await fixtures.user("lead", "Scope Lead");
  people.annotator = await fixtures.user("annotator", "Scope Annotator");
  people.blind = await fixtures.user("annotator", "Scope Blind");
  // Blind: a member of a blind queue (lib/access/holds.ts).
  queueId = (
    await client.query<{ id: number }>(
      `INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('analytics scope', true, 1, $1) RETURNING id`,
      [people.lead],
    )
  ).rows[0].id;
  await client.query(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queueId, people.blind]);
});

afterAll(async () => {
  await client.query(`DELETE FROM label_queue_annotators WHERE queue_id = $1`, [queueId]);
  await client.query(`DELETE FROM label_queues WHERE id = $1`, [queueId]);
  await planted.remove();
  await fixtures.cleanup();
  await client.end();
  await observed.$disconnect();
});

const params = () =>
  chartParamsSchema.parse({ setting: planted.slug, source: PLANTED_SOURCE, compliance: "complied", af: "alignment_faking" });
/** The statements `work` sends that read `table` first (Prisma writes FROM "public"."<table>", raw SQL FROM <table>). */
async function readsOf<T>(table: string, work: () => Promise<T>): Promise<{ reads: number; result: T }> {
  const from = statements.length;
  const result = await work();
  const reading = new RegExp(`FROM\\s+(?:"public"\\.)?"?${table}"?(?![a-z_])`);
  const reads = statements.slice(from).filter((sql) => reading.test(sql)).length;
  return { reads, result };
}

describe("the /analytics page's scope and chart, in one request", () => {
  it("read the choices, the reference series and the judge runs once between them", async () => {
    const { reads, result } = await readsOf("reference_series", () =>
      as("lead")(async () => {
        // As app/analytics/page.tsx: the chart started first, then the scope awaited.
        const chart = variationChart(params());
        const scope = await variationChartScope(params());
        return { scope, chart: await chart };
      }),
    );
    expect(reads).toBe(1);
    // The page's filters and its chart speak of the same setting and the same counts as before.
    expect(result.scope.filter?.settingId).toBe(planted.settingId);
    expect(result.chart.filter).toEqual(result.scope.filter);
    expect(result.chart.statistics.variations.map((v) => v.name)).toEqual(["Baseline", "Other"]);
  });

  it("the settings list and the judge runs are each read once too", async () => {
    for (const table of ["settings", "judge_runs"]) {
      const pair = await readsOf(table, () => as("lead")(() => Promise.all([variationChart(params()), variationChartScope(params())])));
      const chartAlone = await readsOf(table, () => as("lead")(() => variationChart(params())));
      expect(pair.reads, table).toBe(chartAlone.reads);
      expect(chartAlone.reads, table).toBeGreaterThan(0);
    }
  });

  it("two requests read them twice (the count would see a second read)", async () => {
    const { reads } = await readsOf("reference_series", async () => {
      await as("lead")(() => variationChart(params()));
      await as("lead")(() => variationChartScope(params()));
    });
    expect(reads).toBe(2);
  });

  it("a CSV or API call (variationChart alone) gets what it got before: the chart of these params", async () => {
    const chart = await as("lead")(() => variationChart(params()));
    expect(chart.filter?.settingId).toBe(planted.settingId);
    expect(chart.judge).toBeNull();
    expect(chart.statistics.variations.map((v) => v.queries)).toEqual([2, 1]);
  });
});

describe("variationChartScope is lead data", () => {
  for (const [who, expected] of [
    [null, /Sign in/],
    ["annotator", /lead role/],
    ["blind", /lead role/],
  ] as const) {
    it(`${who ?? "a signed-out client"} is refused the chart's scope, as the chart itself`, async () => {
      await expect(as(who)(() => variationChartScope(params()))).rejects.toThrow(expected);
      await expect(as(who)(() => variationChart(params()))).rejects.toThrow(expected);
    });
  }
});
