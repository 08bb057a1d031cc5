import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";

// Charts are for team leads.
test.use({ storageState: storageStateOf("lead") });

test("a lead reads the variation chart, switches label source, and drills into a segment", async ({ page }) => {
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Prompt variations" })).toBeVisible();
  await expect(page.getByText("Labels: demo generator")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row", { name: /Default/ })).toContainText(/\d+\.\d% \[\d+\.\d, \d+\.\d\]/);

  // Another source: the labels that came with the shared paper transcripts.
  await page.locator("select[name=source]").selectOption("paper figure caption");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/source=paper\+figure\+caption/);
  await expect(page.getByText("Labels: paper figure caption")).toBeVisible();

  // Back to the demo's labels; label names the source lacks fall back to the ones it uses.
  await page.locator("select[name=source]").selectOption("demo generator");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator("select[name=compliance]")).toHaveValue("complied");
  await expect(page.getByText("Labels: demo generator")).toBeVisible();

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

test("an annotator cannot open the charts", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("annotator") });
  const page = await context.newPage();
  const response = await page.goto("/analytics");
  expect(response?.status()).toBe(403);
  await context.close();
});
