import { expect, test } from "./fixtures";

/**
 * The jobs page: a lead sees the workers and every background job with its
 * status, read from the database; others are refused on the server.
 */
test("a lead sees the live worker and an export's job on the jobs page", async ({ pageAs }) => {
  const page = await pageAs("lead");
  await page.goto("/exports");
  await page.getByRole("button", { name: "Start export" }).click();
  const started = await page.getByText(/Export #\d+ started/).textContent();
  const exportId = /#(\d+)/.exec(started!)![1];
  await expect(page.getByTestId(`export-${exportId}`).getByText("succeeded")).toBeVisible({ timeout: 60_000 });

  await page.getByRole("button", { name: /Menu/ }).click(); // a lead's links fold into the menu below 1536 px
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Live workers" }).getByRole("listitem")).toHaveCount(1);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `export #${exportId}` }) });
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText("1 of 4");
  await page.goto("/jobs?kind=import");
  await expect(page.getByRole("heading", { name: "Recent jobs (import)" })).toBeVisible();
  await expect(page.getByRole("link", { name: `export #${exportId}` })).toHaveCount(0);
});

test("annotators are refused the jobs page and see no link to it; without a session it is the sign-in page", async ({
  page,
  pageAs,
  anonymousPage,
}) => {
  for (const annotator of [page, await pageAs("annotator2")]) {
    const response = await annotator.goto("/jobs");
    expect(response?.status()).toBe(403);
    await expect(annotator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
  }
  await anonymousPage.goto("/jobs");
  await expect(anonymousPage).toHaveURL(/\/sign-in\?next=%2Fjobs/);
});
