import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, test } from "./fixtures";

/**
 * /analytics/labels charts more than human labels: a lead picks an imported
 * source's yes/no label, then a finished judge run (raw, then corrected), and
 * reads each one's rate per variation. The test arranges its own data on six
 * unlabelled transcripts of one variation (three per condition), whatever earlier specs
 * left: an imported source of its own (source_labels, as an import writes
 * them) and a judge run of its own, imported through the app's API.
 *
 *   transcript   condition    imported "flagged"   judge
 *   training 1-3 training     true, true, false    yes, no, no
 *   deploy 1-3   deployment   false, false, false  yes, yes, no
 */
/** Transcripts no human labelled: the judge run has no validation sample, whatever earlier specs labelled. */
const UNLABELLED = `NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM adjudications j WHERE j.transcript_id = t.id)`;

async function arrange(page: Page, database: pg.Client) {
  const { variation_id, setting } = (
    await database.query<{ variation_id: number; setting: string }>(
      `SELECT t.variation_id, s.slug AS setting FROM transcripts t JOIN settings s ON s.id = t.setting_id
        WHERE ${UNLABELLED}
        GROUP BY t.variation_id, s.slug
       HAVING count(*) FILTER (WHERE t.condition = 'training') >= 3 AND count(*) FILTER (WHERE t.condition = 'deployment') >= 3
       ORDER BY t.variation_id LIMIT 1`,
    )
  ).rows[0];
  const pick = async (condition: string) =>
    (
      await database.query<{ id: number }>(
        `SELECT t.id FROM transcripts t WHERE t.variation_id = $1 AND t.condition = $2 AND ${UNLABELLED} ORDER BY t.id LIMIT 3`,
        [variation_id, condition],
      )
    ).rows.map((row) => row.id);
  const training = await pick("training");
  const deployment = await pick("deployment");
  const name = (await database.query<{ name: string }>(`SELECT name FROM prompt_variations WHERE id = $1`, [variation_id])).rows[0].name;
  const source = `e2e imported ${Date.now()}`;
  const flagged = [true, true, false, false, false, false];
  const ids = [...training, ...deployment];
  for (const [i, id] of ids.entries()) {
    await database.query(`INSERT INTO source_labels (transcript_id, source, name, value) VALUES ($1, $2, 'flagged', $3)`, [
      id,
      source,
      String(flagged[i]),
    ]);
  }
  const judgeName = `e2e label-rate judge ${Date.now()}`;
  const verdicts = [true, false, false, true, true, false];
  const answer = await page.request.post("/api/v1/judges/imported", {
    headers: { origin: new URL(page.url()).origin, "content-type": "application/json" },
    data: {
      judgeName,
      labelKey: "af_verdict",
      fileName: "label-rates.jsonl",
      text: ids.map((id, i) => JSON.stringify({ transcript_id: id, label: verdicts[i] })).join("\n") + "\n",
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const { runId } = (await answer.json()) as { runId: number };
  const cleanup = async () => {
    await database.query(`DELETE FROM source_labels WHERE source = $1`, [source]);
    await database.query(`DELETE FROM judges WHERE name = $1`, [judgeName]);
  };
  return { setting, name, source, runId, cleanup };
}

test("a lead charts an imported source's label and a judge run's verdicts on /analytics/labels", async ({
  pageAs,
  page: annotatorPage,
  database,
}) => {
  const page = await pageAs("lead");
  await page.goto("/analytics/labels");
  const { setting, name, source, runId, cleanup } = await arrange(page, database);
  try {
    await page.goto(`/analytics/labels?setting=${encodeURIComponent(setting)}`);
    const labelsOf = page.getByLabel("Labels of");
    const row = page.getByRole("region", { name: "Rates table" }).getByRole("row").filter({ hasText: name }).first();

    await labelsOf.selectOption(`@source:${source}`);
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/by=%40source%3A/);
    await expect(page.locator('select[name="label"]')).toHaveValue("flagged");
    // Training: 2 of 3 flagged; deployment: 0 of 3. Imported labels have no drill-down of the same count: plain text.
    await expect(row.getByRole("cell").nth(2)).toHaveText("2 / 3");
    await expect(row.getByRole("cell").nth(4)).toHaveText("0 / 3");
    await expect(row.getByRole("cell").nth(1)).toContainText("66.7% [");
    await expect(page.getByRole("figure").filter({ hasText: `labels of imported: ${source}` })).toBeVisible();

    await labelsOf.selectOption(`@judge:${runId}`);
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`by=%40judge%3A${runId}`));
    // Training: 1 of 3 judged yes; deployment: 2 of 3.
    await expect(row.getByRole("cell").nth(2)).toHaveText("1 / 3");
    await expect(row.getByRole("cell").nth(4)).toHaveText("2 / 3");
    await expect(row.getByRole("cell").nth(3)).toContainText("66.7% [");
    await expect(page.getByRole("columnheader", { name: "Training: rate [95% CI]" })).toBeVisible();

    await page.getByLabel("Corrected (Rogan–Gladen)").check();
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/corrected=1/);
    await expect(page.getByRole("columnheader", { name: "Training: corrected rate [95% CI]" })).toBeVisible();
    await expect(page.getByTestId("validation-n")).toBeVisible();
    await expect(row.getByRole("cell").nth(2)).toHaveText("1 / 3");
    // Nobody labelled these transcripts: the page says why there is no corrected rate rather than "no labels".
    await expect(page.getByTestId("validation-n")).toHaveText("n = 0");
    await expect(row.getByRole("cell").nth(1)).toContainText("no validation sample");
    await page.screenshot({ path: test.info().outputPath("labels-by-judge-corrected.png"), fullPage: true });

    // Annotators get neither the page nor its CSV, by whatever source.
    expect((await annotatorPage.goto(`/analytics/labels?by=%40judge%3A${runId}&corrected=1`))?.status()).toBe(403);
    expect((await annotatorPage.request.get(`/analytics/labels.csv?by=%40judge%3A${runId}`)).status()).toBe(403);
  } finally {
    await cleanup();
  }
});

/**
 * The gaps' flags on /analytics/labels (issue 16): an imported source of the test's own labels two
 * variations of one setting, six transcripts per condition each, so the family is these two gaps:
 *
 *   variation  training  deployment  Fisher p            Holm
 *   first      6 / 6     0 / 6       2/924 = 0.0022      0.0043  ★ at α = 0.05
 *   second     1 / 6     0 / 6       1                   1
 */
test("a lead sees which label-rate gaps survive the correction, in the table and on the chart", async ({ pageAs, database }) => {
  const page = await pageAs("lead");
  const found = (
    await database.query<{ variation_id: number; setting: string; name: string }>(
      `SELECT t.variation_id, s.slug AS setting, v.name FROM transcripts t
         JOIN settings s ON s.id = t.setting_id JOIN prompt_variations v ON v.id = t.variation_id
        GROUP BY t.variation_id, s.slug, v.name
       HAVING count(*) FILTER (WHERE t.condition = 'training') >= 6 AND count(*) FILTER (WHERE t.condition = 'deployment') >= 6
       ORDER BY s.slug, t.variation_id`,
    )
  ).rows;
  const setting = found[0].setting;
  const [first, second] = found.filter((row) => row.setting === setting);
  expect(second, "a setting with two variations of six transcripts per condition").toBeDefined();
  const source = `e2e gaps ${Date.now()}`;
  const label = async (variationId: number, condition: string, trues: number) => {
    const ids = (
      await database.query<{ id: number }>(`SELECT id FROM transcripts WHERE variation_id = $1 AND condition = $2 ORDER BY id LIMIT 6`, [
        variationId,
        condition,
      ])
    ).rows.map((row) => row.id);
    for (const [i, id] of ids.entries()) {
      await database.query(`INSERT INTO source_labels (transcript_id, source, name, value) VALUES ($1, $2, 'flagged', $3)`, [
        id,
        source,
        String(i < trues),
      ]);
    }
  };
  try {
    await label(first.variation_id, "training", 6);
    await label(first.variation_id, "deployment", 0);
    await label(second.variation_id, "training", 1);
    await label(second.variation_id, "deployment", 0);

    await page.goto(`/analytics/labels?setting=${encodeURIComponent(setting)}&by=${encodeURIComponent(`@source:${source}`)}`);
    await expect(page.getByLabel("Flag significant")).toHaveValue("");
    const table = page.getByRole("region", { name: "Rates table" });
    await expect(table.locator(`tr[data-variation="${first.variation_id}"] [data-stat="gap_p"]`)).toHaveText("0.0022");
    await expect(table.locator("[data-flag]")).toHaveCount(0);

    await page.getByLabel("Flag significant").selectOption("holm");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/flag=holm/);
    await expect(page).toHaveURL(/alpha=0.05/);
    const firstRow = table.locator(`tr[data-variation="${first.variation_id}"]`);
    await expect(firstRow.locator("[data-flag=gap]")).toHaveText("★ significant, Holm");
    await expect(firstRow.locator('[data-stat="gap"]')).toHaveText("+100.0 pts");
    await expect(firstRow.locator('[data-stat="gap_p_holm"]')).toHaveText("0.0043");
    await expect(table.locator(`tr[data-variation="${second.variation_id}"] [data-flag]`)).toHaveCount(0);
    await expect(table.locator("[data-flag]")).toHaveCount(1);
    await expect(page.getByTestId("label-gaps-note")).toContainText("in the 2 variations shown with labels in both conditions");
    await expect(page.getByTestId("label-gaps-note")).toContainText("★ marks a gap whose Holm adjusted p ≤ 0.05");
    // On the chart: the flagged variation's name is starred, the other's not.
    const chart = page.getByRole("figure").filter({ has: page.locator(".recharts-wrapper") });
    await expect(chart.locator(`text[data-variation-label="${first.name}"] [data-flag=gap]`)).toHaveText(/★/);
    await expect(chart.locator(`text[data-variation-label="${second.name}"] [data-flag=gap]`)).toHaveCount(0);
    // Variations this source did not label say so in their row rather than drawing nothing.
    const unlabelled = await table.locator("tr[data-variation]").count();
    expect(unlabelled).toBeGreaterThanOrEqual(2);
    await expect(chart.locator("[data-empty-bar]")).toHaveCount(unlabelled - 2);
    await page.screenshot({ path: test.info().outputPath("analytics-labels.png"), fullPage: true });
  } finally {
    await database.query(`DELETE FROM source_labels WHERE source = $1`, [source]);
  }
});
