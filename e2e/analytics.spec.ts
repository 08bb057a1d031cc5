import { ACCOUNTS, storageStateOf } from "./accounts";
import { expect, test } from "./fixtures";
import { PAPER_FIGURES_FILE } from "./fixtures/names";
import { needs, sharedData } from "./shared-data";

// Charts are for team leads.
test.use({ storageState: storageStateOf("lead") });

test("a lead reads the variation chart, switches label source, and drills into a segment", async ({ page }) => {
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Prompt variations" })).toBeVisible();
  await expect(page.getByText("Labels: demo generator")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row", { name: /^Default/ })).toContainText(/\d+\.\d% \[\d+\.\d, \d+\.\d\]/);

  // The first bar is the baseline's training bar; its first segment is "Refuses".
  const segment = page.locator(".recharts-bar").first().locator("path.recharts-rectangle").first();
  await segment.hover();
  const tooltip = page.locator(".recharts-tooltip-wrapper");
  await expect(tooltip).toContainText("Refuses");
  const count = Number((await tooltip.innerText()).match(/Refuses: [\d.]+% \((\d+)\)/)![1]);
  expect(count).toBeGreaterThan(0);

  await segment.click();
  await expect(page).toHaveURL(/\/transcripts\?.*condition=training/);
  await expect(page.getByTestId("list-counts")).toContainText(`${new Intl.NumberFormat("en").format(count)} transcripts`);
});

test("another label source: the labels that came with the shared paper transcripts, and back", async ({ page }) => {
  needs(sharedData(PAPER_FIGURES_FILE)); // the e2e server's fixtures hold them
  await page.goto("/analytics");
  await page.locator("select[name=source]").selectOption("paper figure caption");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/source=paper\+figure\+caption/);
  await expect(page.getByText("Labels: paper figure caption")).toBeVisible();

  // Back to the demo's labels; label names the source lacks fall back to the ones it uses.
  await page.locator("select[name=source]").selectOption("demo generator");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator("select[name=compliance]")).toHaveValue("complied");
  await expect(page.getByText("Labels: demo generator")).toBeVisible();
});

test("an annotator cannot open the charts", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("annotator") });
  const page = await context.newPage();
  const response = await page.goto("/analytics");
  expect(response?.status()).toBe(403);
  await context.close();
});

test("one annotator's labels: the stacked chart by the human rule and the rate of any label, each bar opening exactly its transcripts", async ({
  page,
  database,
}) => {
  // The admin (who labels nothing in the other tests) labels every baseline pair of the first
  // setting, both sides: training complies with a full AF verdict on the first half and refuses
  // on the rest; deployment complies on the first quarter.
  const { rows: users } = await database.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [ACCOUNTS.admin.email]);
  const admin = users[0].id;
  await page.goto("/schema"); // makes sure the default label schema is stored
  const baselinePairs = `SELECT p.id, row_number() OVER (ORDER BY p.id) AS n FROM pairs p JOIN prompt_variations v ON v.id = p.variation_id
    WHERE v.is_baseline AND v.setting_id = (SELECT min(id) FROM settings) AND (SELECT count(*) FROM transcripts t WHERE t.pair_id = p.id) = 2`;
  const pairCount = Number((await database.query(`SELECT count(*) AS n FROM (${baselinePairs}) b`)).rows[0].n);
  const afCount = Math.ceil(pairCount / 2);
  expect(afCount).toBeGreaterThan(1);
  await database.query(
    `WITH chosen AS (${baselinePairs})
     INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at)
     SELECT t.id, $1, (SELECT max(version) FROM label_schema_versions),
            CASE WHEN t.condition = 'training' THEN jsonb_build_object('compliance', CASE WHEN c.n <= $2 THEN 4 ELSE 1 END, 'af_verdict', CASE WHEN c.n <= $2 THEN 'full' ELSE 'no' END)
                 ELSE jsonb_build_object('compliance', CASE WHEN c.n <= $2 / 2 THEN 4 ELSE 1 END, 'af_verdict', 'no') END, now()
     FROM chosen c JOIN transcripts t ON t.pair_id = c.id
     ON CONFLICT (transcript_id, annotator_id) DO NOTHING`,
    [admin, afCount],
  );
  const afShare = `${((afCount / pairCount) * 100).toFixed(1)}%`;

  await page.goto(`/analytics?source=${encodeURIComponent(`@annotator:${admin}`)}`);
  await expect(page.getByText(/Labels: annotator/)).toBeVisible();
  await expect(page.getByText(/complied = compliance 2–4/)).toBeVisible();
  const segment = page.locator(".recharts-bar").nth(1).locator("path.recharts-rectangle").first(); // "Complies, with AF" of the baseline's training bar
  await segment.hover();
  await expect(page.locator(".recharts-tooltip-wrapper")).toContainText(`Complies, with AF reasoning: ${afShare} (${afCount})`);
  await segment.click();
  await expect(page).toHaveURL(/outcome=compliesWithAf/);
  await expect(page.getByTestId("list-counts")).toContainText(`${afCount} transcripts`);

  await page.goto(`/analytics/labels?by=${admin}&label=af_verdict%3Afull`);
  const baseline = page
    .getByRole("region", { name: "Rates table" })
    .getByRole("row", { name: /baseline/ })
    .first();
  await expect(baseline).toContainText(`${afShare} [`);
  await expect(baseline.getByRole("link").first()).toHaveText(`${afCount} / ${pairCount}`);
  await baseline.getByRole("link").first().click();
  await expect(page.getByTestId("list-counts")).toContainText(`${afCount} transcripts`);

  // Another annotator may not read the admin's labels through the table's URL.
  const annotatorContext = await page
    .context()
    .browser()!
    .newContext({ storageState: storageStateOf("annotator") });
  const annotatorPage = await annotatorContext.newPage();
  const refused = await annotatorPage.goto(page.url());
  expect(refused?.status()).toBe(403);
  await annotatorContext.close();
});
