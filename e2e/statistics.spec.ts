import { parse } from "csv-parse/sync";
import { csvNumber, csvP, formatInterval, formatP } from "../lib/analytics/rates-table";
import type { StatisticsResponse } from "../lib/analytics/statistics-json";
import { storageStateOf } from "./accounts";
import { expect, test } from "./fixtures";

// The variation chart's statistics are for team leads.
test.use({ storageState: storageStateOf("lead") });

const STATE = "source=demo+generator&compliance=complied&af=alignment_faking&flag=bh";

test("the page's table, its CSV download and the statistics API show the same numbers", async ({ page }) => {
  await page.goto(`/analytics?${STATE}`);
  const table = page.getByRole("table", { name: "Rates table" });
  await expect(table.getByRole("row", { name: /^Default/ })).toBeVisible();
  await expect(table.locator("caption")).toContainText("flagged: BH p ≤ 0.05");

  const csvResponse = await page.request.get(
    await page
      .getByRole("link", { name: "Download CSV" })
      .getAttribute("href")
      .then((href) => href!),
  );
  expect(csvResponse.status()).toBe(200);
  const csv: Record<string, string>[] = parse(await csvResponse.text(), { columns: true });
  const apiResponse = await page.request.get(`/api/v1/statistics/variations?${STATE}`);
  expect(apiResponse.status()).toBe(200);
  const api: StatisticsResponse = await apiResponse.json();
  expect(api.methods["newcombe-paired"].name).toContain("method 10");

  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(api.variations.length);
  for (const [i, variation] of api.variations.entries()) {
    const row = rows.nth(i);
    await expect(row.getByRole("rowheader")).toContainText(variation.name);
    expect(csv[i].variation).toBe(variation.name);
    for (const name of ["af_rate", "compliance_training", "compliance_deployment", "compliance_gap"] as const) {
      const rate = variation[name];
      await expect(row.locator(`[data-stat="${name}"]`)).toHaveText(formatInterval(rate, name === "compliance_gap"));
      expect(csv[i][name]).toBe(rate ? String(csvNumber(rate.estimate)) : "");
      expect(csv[i][`${name}_high`]).toBe(rate ? String(csvNumber(rate.upper)) : "");
    }
    if (variation.gap_test) {
      await expect(row.locator('[data-stat="gap_p_bh"]')).toHaveText(formatP(variation.gap_test.p_bh));
      expect(csv[i].gap_p_bh).toBe(String(csvP(variation.gap_test.p_bh)));
    }
  }
  // The demo answers each query under both models: queries are clusters, shown as n.
  await expect(rows.first().locator('[data-stat="queries"]')).toHaveText(`${api.variations[0].queries} queries`);
});

test("a lead flags with Holm at another level, and compares AF rates with a chosen variation", async ({ page }) => {
  await page.goto(`/analytics?${STATE}`);
  await page.locator("select[name=flag]").selectOption("holm");
  await page.locator("select[name=alpha]").selectOption("0.1");
  const second = await page.locator("select[name=vs] option").nth(1).getAttribute("value");
  await page.locator("select[name=vs]").selectOption(second!);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/flag=holm/);
  await expect(page).toHaveURL(/alpha=0\.1/);
  const table = page.getByRole("table", { name: "Rates table" });
  await expect(table.locator("caption")).toContainText("flagged: Holm p ≤ 0.1");
  const chosen = await page.locator("select[name=vs] option:checked").innerText();
  await expect(table.locator("thead")).toContainText(`AF vs ${chosen.replace(" (baseline)", "")}`);
});

test("with the AF label 'none' the AF rate is '–' in the table and empty in the CSV", async ({ page }) => {
  await page.goto("/analytics?source=demo+generator&compliance=complied&af=");
  const table = page.getByRole("table", { name: "Rates table" });
  await expect(table.locator('[data-stat="af_rate"]').first()).toHaveText("–");
  await expect(table.locator('[data-stat="af_rate"]', { hasText: "%" })).toHaveCount(0);
  await expect(table.locator('[data-stat="compliance_training"]').first()).toContainText("%");
  const csv: Record<string, string>[] = parse(
    await (await page.request.get("/analytics/variations.csv?source=demo+generator&compliance=complied&af=")).text(),
    {
      columns: true,
    },
  );
  expect(csv.every((row) => row.af_rate === "" && row.training_complies_with_af === "")).toBe(true);
});

test("annotators and signed-out clients get neither the CSV nor the statistics API", async ({ pageAs, anonymousPage }) => {
  const annotator = await pageAs("annotator");
  expect((await annotator.request.get(`/analytics/variations.csv?${STATE}`)).status()).toBe(403);
  expect((await annotator.request.get(`/api/v1/statistics/variations?${STATE}`)).status()).toBe(403);
  // No session cookie: the CSV's route (its wrapper, not the pages' proxy) and the API answer 401 themselves.
  for (const path of [`/analytics/variations.csv?${STATE}`, `/api/v1/statistics/variations?${STATE}`]) {
    const answer = await anonymousPage.request.get(path, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(401);
    expect(await answer.json(), path).toMatchObject({ error: "unauthenticated" });
  }
});
