import { expect, test } from "./fixtures";

test("the overview counts transcripts per setting, variation and condition", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const helpfulOnly = page.getByRole("region", { name: "Helpful-only" });
  await expect(helpfulOnly.getByRole("row")).not.toHaveCount(0);
  await expect(helpfulOnly.getByRole("row", { name: /baseline/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Animal welfare" })).toBeVisible();
});

test("the list pages through transcripts and opens one with its scratchpad", async ({ page }) => {
  await page.goto("/transcripts");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(51); // header + one page of 50
  await expect(page.getByText(/page 1 of \d+/)).toBeVisible();

  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2&after=\d+/);
  await expect(page.getByText(/Rows 51–100 · page 2 of \d+/)).toBeVisible();

  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(page.getByText(/Rows 1–50 · page 1 of \d+/)).toBeVisible();
  // The default prompt has a chain of thought (unlike the "no chain of thought" variation).
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "Default", exact: true }) })
    .first();
  const idLink = row.getByRole("link").first();
  const id = await idLink.innerText();
  await idLink.click();
  await expect(page.getByRole("heading", { name: `Transcript #${id}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "User input" })).not.toBeEmpty();
  const scratchpad = page.getByRole("group", { name: /Scratchpad/ }).first();
  await expect(scratchpad).toBeVisible();
  await expect(scratchpad).toContainText(/\w{3,}/);
  await expect(page.getByRole("region", { name: "Final output" })).toBeVisible();
});

test("deep pages are keyset links; the last page is one click away", async ({ page }) => {
  await page.goto("/transcripts?size=25");
  await page.getByRole("link", { name: "Last »" }).click();
  await expect(page).toHaveURL(/before=end/);
  const label = await page.getByText(/page (\d[\d,]*) of \1$/).innerText();
  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(26);
  expect(label).toMatch(/^Rows [\d,]+–[\d,]+ · page/);
});

test("a transcript links to its partner in the other condition and to its pair", async ({ page }) => {
  await page.goto("/transcripts/1");
  await expect(page.getByText("Training", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: /deployment partner/ }).click();
  await expect(page.getByText("Deployment", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /training partner/ })).toBeVisible();
  await page.getByRole("link", { name: /Compare side by side/ }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+\?at=2$/);
  await expect(page.getByRole("heading", { name: "Training", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Deployment", exact: true })).toBeVisible();
});

test("an unknown transcript or pair is a clear not-found page", async ({ page }) => {
  for (const path of ["/transcripts/999999999", "/pairs/999999999"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
