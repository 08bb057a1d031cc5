import { expect, test } from "./fixtures";

/**
 * The table's first page of rows is sent before its counts (issue 17): the
 * count of a search can take longer than its rows, so the counts and what
 * depends on them stream into a Suspense boundary after the rows.
 */
const SEARCH = "/transcripts?q=values&condition=training";
const number = new Intl.NumberFormat("en");

test("a search's rows come in the HTML before its count, which streams in after with the right numbers", async ({ page }) => {
  // The API counts with the one-statement search (rows and counts together): the streamed count must agree with it.
  const answer = await page.request.get(`/api/v1/transcripts?q=values&condition=training&size=50`);
  expect(answer.status()).toBe(200);
  const { counts, transcripts } = (await answer.json()) as { counts: { total: number }; transcripts: { id: number }[] };
  expect(counts.total).toBeGreaterThan(0);

  const html = await (await page.request.get(SEARCH)).text();
  const placeholder = html.indexOf('data-testid="list-counts-pending"');
  const rows = html.indexOf(`href="/transcripts/${transcripts[0].id}?`);
  const resolved = html.indexOf('data-testid="list-counts"');
  expect(placeholder, "the counting placeholder is in the shell").toBeGreaterThan(-1);
  expect(rows, "the first row is in the page").toBeGreaterThan(placeholder);
  // Rendered above the table, the counts come after the rows only when they were streamed in later.
  expect(resolved, "the resolved count is streamed in after the rows").toBeGreaterThan(rows);

  await page.goto(SEARCH);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByTestId("list-counts")).toContainText(`${number.format(counts.total)} matching transcripts`);
  await expect(page.getByTestId("list-counts-pending")).toHaveCount(0);
  // What depends on the count streams with it: the page count.
  await expect(page.getByText(new RegExp(`page 1 of ${number.format(Math.max(1, Math.ceil(counts.total / 50)))}$`))).toBeVisible();
});
