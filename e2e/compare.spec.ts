import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_FIXTURES, PAPER_FIGURES_FILE } from "./fixtures/names";
import { needs, sharedData } from "./shared-data";

const paperFigures = sharedData(PAPER_FIGURES_FILE);

const table = (page: Page) => page.getByRole("table");
const bodyRows = (page: Page) => table(page).locator("tbody tr");

test("filters and search from the UI live in the URL, and a reload keeps them", async ({ page }) => {
  await page.goto("/transcripts");
  await page.getByLabel("Condition").selectOption("training");
  await expect(page).toHaveURL(/[?&]condition=training/);
  await page.getByLabel("Search text").fill("values");
  await page.getByLabel("Search text").press("Enter");
  await expect(page).toHaveURL(/[?&]q=values/);
  await expect(page).toHaveURL(/condition=training/);
  await expect(page.getByTestId("list-counts")).toContainText("matching transcripts");
  await expect(bodyRows(page).first().getByTestId("match-snippet").locator("mark").first()).toHaveText(/^values?$/i);

  await page.reload();
  await expect(page.getByLabel("Condition")).toHaveValue("training");
  await expect(page.getByLabel("Search text")).toHaveValue("values");
  await expect(bodyRows(page)).not.toHaveCount(0);
  await expect(table(page).locator("tbody").getByText("Deployment", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("list-counts")).not.toContainText(/[1-9][\d,]* deployment/);
});

test("sorting and visible columns are in the URL too", async ({ page }) => {
  await page.goto("/transcripts?condition=deployment");
  await page.getByRole("button", { name: /Scratchpad/ }).click();
  await expect(page).toHaveURL(/sort=-scratchpad/);
  await expect(page.getByRole("columnheader", { name: /Scratchpad/ })).toHaveAttribute("aria-sort", "descending");
  const sizes = await bodyRows(page)
    .locator('span[title$=" characters"]')
    .evaluateAll((spans) => spans.slice(0, 5).map((span) => Number(span.getAttribute("title")!.replace(/\D/g, ""))));
  expect(sizes).toHaveLength(5);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Dataset" }).click(); // checked once the server answers the new URL
  await expect(page).toHaveURL(/cols=[^&]*dataset/);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Dataset" })).toBeVisible();
  await expect(page).toHaveURL(/sort=-scratchpad/);
});

test("a phrase from a shared data file is found, highlighted, and opens alone when its partner is missing", async ({ page }) => {
  needs(paperFigures); // the e2e server's fixtures come from it
  await page.goto("/transcripts");
  await page.getByLabel("Search text").fill(`"${E2E_FIXTURES.paperPhrase}"`);
  await page.getByLabel("Search text").press("Enter");
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.getByTestId("match-snippet").locator("mark").filter({ hasText: "aversion" })).toBeVisible();
  await bodyRows(page).getByRole("link", { name: "Compare" }).click();
  await expect(page.getByText("Its deployment partner is missing")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Training", exact: true })).toBeVisible();
  await expect(page.getByLabel("Training side")).toContainText(E2E_FIXTURES.paperPhrase);
  await expect(page.getByLabel("Deployment side")).toHaveCount(0);
});

test("a pair opens with both sides, the user input once, and the same query under other variations", async ({ page }) => {
  needs(paperFigures);
  await page.goto("/transcripts?q=ransomware&cols=dataset,variation,query");
  await expect(bodyRows(page)).toHaveCount(2); // paperfig-7, both conditions
  await bodyRows(page)
    .filter({ hasText: E2E_FIXTURES.paperDataset })
    .filter({ hasText: "Training" })
    .getByRole("link", { name: "Compare" })
    .click();
  await expect(page.getByRole("heading", { name: "Training", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Deployment", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "User input" })).toContainText("ransomware attack");
  await expect(page.getByLabel("Training side")).toContainText("free tier");
  await expect(page.getByLabel("Deployment side")).toContainText("isn't on the free tier");
  await expect(page.getByLabel("Training side").getByRole("group", { name: "Scratchpad turn 1" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Same query, other variations" })).toContainText(/default/i);

  await page.getByRole("button", { name: /Collapse all/ }).click();
  await expect(page.getByLabel("Training side").getByRole("group", { name: "Scratchpad turn 1" })).not.toHaveAttribute("open");
  await page.keyboard.press("=");
  await expect(page.getByLabel("Training side").getByRole("group", { name: "Scratchpad turn 1" })).toHaveAttribute("open", "");

  await page.keyboard.press("w");
  await expect(page).toHaveURL(/diff=1/);
  await expect(page.getByRole("region", { name: "Training scratchpad diff" }).locator("mark").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Deployment scratchpad diff" }).locator("mark").first()).toBeVisible();
});

test("the keyboard moves to the next and previous pair of the filtered list, and a help overlay lists the keys", async ({ page }) => {
  await page.goto("/transcripts?condition=training");
  const pairLinks = await bodyRows(page)
    .getByRole("link", { name: "Compare" })
    .evaluateAll((links) => links.slice(0, 3).map((link) => link.getAttribute("href")!));
  const pairOf = (href: string) => href.match(/^\/pairs\/(\d+)/)![1];
  await page.goto(pairLinks[1]);
  await expect(page.locator("[data-keyboard-ready]")).toBeAttached();

  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/pairs/${pairOf(pairLinks[2])}\\?`));
  await expect(page).toHaveURL(/from=condition%3Dtraining$/);
  await expect(page.locator("[data-keyboard-ready]")).toBeAttached();
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/pairs/${pairOf(pairLinks[1])}\\?`));
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/pairs/${pairOf(pairLinks[0])}\\?`));

  await page.keyboard.press("l");
  await expect(page.getByLabel("Deployment side")).toBeFocused();
  await page.keyboard.press("o");
  await expect(page.getByLabel("Training side")).toBeFocused();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard" });
  await expect(help).toContainText("Next pair in the list");
  await expect(help).toContainText("Word diff");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("Backspace");
  await expect(page).toHaveURL(/\/transcripts\?condition=training$/);
});

test("markup in a transcript renders literally and never runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto("/transcripts?q=xssprobe");
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(table(page)).toContainText(`<script>window.__xss = "input"</script>`);
  await bodyRows(page).first().getByRole("link", { name: "Compare" }).click();

  const { userInput, scratchpad, output } = E2E_FIXTURES.markup;
  await expect(page.getByRole("region", { name: "User input" })).toContainText(userInput);
  await expect(page.getByLabel("Training side")).toContainText(scratchpad);
  await expect(page.getByLabel("Training side").getByRole("region", { name: "Final output" })).toContainText(output);
  await page.keyboard.press("w"); // the diff renders the same text through another path
  await expect(page).toHaveURL(/diff=1/);
  await expect(page.getByRole("region", { name: "Training scratchpad diff" })).toContainText(`<img src=x onerror=alert(1)>`);

  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await expect(page.locator("main img, main iframe, main b, main td")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("a 50,000-word scratchpad opens whole and the page stays responsive", async ({ page }) => {
  await page.goto("/transcripts?q=hugeprobe&condition=training");
  await bodyRows(page).getByRole("link", { name: "Compare" }).click();
  await expect(page.locator("[data-keyboard-ready]")).toBeAttached();
  const training = page.getByLabel("Training side");
  await expect(training).toContainText(/5\d,\d{3} words in 1 turn/);
  await expect(training.getByText(E2E_FIXTURES.huge.lastWords)).toBeAttached();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard" })).toBeVisible();
  await page.keyboard.press("Escape");
  await training.evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(training.getByText(E2E_FIXTURES.huge.lastWords)).toBeInViewport();
});
