import { expect, test } from "./fixtures";

/**
 * API tokens and exports as a person uses them: a token created in the UI
 * works against /api/v1 until it is revoked there; an export started from a
 * filter of the table runs in the background and offers its files.
 */
test("a token made in the UI works against the API until revoked", async ({ pageAs, request }) => {
  const page = await pageAs("lead");
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^afl_/);

  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/transcripts?condition=training&size=10", { headers });
  expect(list.status()).toBe(200);
  expect((await list.json()).transcripts).toHaveLength(10);

  await page.reload();
  expect(await page.getByTestId("new-token").count()).toBe(0); // shown once
  page.once("dialog", (dialog) => dialog.accept());
  await page
    .getByRole("row", { name: /e2e script/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByRole("row", { name: /e2e script/ })).toContainText("Revoked");
  const refused = await request.get("/api/v1/transcripts", { headers });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toBe("invalid_token");
});

test("an export of the table's filter runs in the background and offers its files", async ({ pageAs }) => {
  const page = await pageAs("lead");
  await page.goto("/transcripts?condition=deployment");
  await page.getByRole("link", { name: "Export this filter" }).click();
  await expect(page.getByText("condition=deployment").first()).toBeVisible();
  await page.getByLabel("Format").selectOption("csv");
  await page.getByRole("button", { name: "Start export" }).click();
  const started = await page.getByText(/Export #\d+ started/).textContent();
  const id = /#(\d+)/.exec(started!)![1];
  const job = page.getByTestId(`export-${id}`);
  await expect(job.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  await expect(job.getByRole("link", { name: "data/train.csv" })).toBeVisible();
  await expect(job.getByRole("link", { name: "README.md" })).toBeVisible();
  await expect(job.getByText(/The test split is empty/)).toHaveCount(0);
});

test("an export whose test split is empty warns before it starts and on the finished export", async ({ pageAs }) => {
  const page = await pageAs("lead");
  await page.goto("/exports?from=condition%3Ddeployment");
  const split = page.getByLabel("Split (train, validation, test)");
  await split.fill("0.9,0.1,0");
  await expect(page.getByRole("alert").filter({ hasText: "The test split gets no transcripts with a test ratio of 0" })).toBeVisible();
  await page.getByRole("button", { name: "Start export" }).click();
  const started = await page.getByText(/Export #\d+ started/).textContent();
  const id = /#(\d+)/.exec(started!)![1];
  const job = page.getByTestId(`export-${id}`);
  await expect(job.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  const warnings = job.getByRole("alert", { name: `Warnings for export #${id}` });
  await expect(warnings).toContainText(
    /The test split is empty: its ratio is 0, so none of the [\d,]+ transcripts can evaluate a classifier/,
  );
  await expect(warnings).toContainText("e.g. split 0.8,0.1,0.1");
  await expect(job.getByRole("link", { name: "data/test.jsonl" })).toHaveCount(0);
});

test("an annotator is refused the exports page (the API refusal is lib/api/api.db.test.ts)", async ({ page }) => {
  const response = await page.goto("/exports");
  expect(response?.status()).toBe(403);
});
