import { expect, test } from "./fixtures";
import { mainPages } from "./main-pages";

/**
 * Down to 1024 px wide: no page scrolls sideways, Sign out stays in view (a
 * lead's links fold into the menu), and the transcripts table keeps User
 * input and Compare on screen. Screenshots go to the test's output folder.
 */
test("at 1024 px no main page scrolls sideways and Sign out is in view", async ({ pageAs, database }, testInfo) => {
  const page = await pageAs("lead");
  await page.setViewportSize({ width: 1024, height: 768 });
  const overflowing: string[] = [];
  for (const { name, path } of await mainPages(database)) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} > ${innerWidth}`);
    await page.screenshot({ path: testInfo.outputPath(`1024-${name}.png`), fullPage: false });
  }
  expect(overflowing, "pages wider than the window at 1024 px").toEqual([]);
});

test("at 1024 px a lead reaches every page through the menu, which closes on arrival", async ({ pageAs }) => {
  const page = await pageAs("lead");
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/");
  await page.getByRole("button", { name: /Menu/ }).click();
  const menu = page.getByRole("navigation", { name: "Main" });
  await expect(menu.getByRole("link")).toHaveCount(13); // a lead's twelve pages and Judges
  await menu.getByRole("link", { name: "Charts" }).click();
  await expect(page).toHaveURL(/\/analytics/);
  await expect(menu).toBeHidden();
  await expect(page.getByRole("button", { name: /Menu · Charts/ })).toBeVisible();
  await page.getByRole("button", { name: /Menu/ }).click();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
});

test("at 1024 px the transcripts table keeps User input readable and Compare on screen", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/transcripts");
  const header = page.getByRole("columnheader", { name: "User input" });
  await expect(header).toBeInViewport();
  expect((await header.boundingBox())!.width).toBeGreaterThan(200);
  const firstRow = page.getByRole("row").nth(1);
  await expect(firstRow.getByRole("link", { name: "Compare" })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath("1024-transcripts-table.png") });
});

test("at 1280 px the pair in annotation mode shows both sides and the panel, without sideways scrolling", async ({
  page,
  database,
}, testInfo) => {
  const [pair] = (await mainPages(database)).filter((entry) => entry.name === "pair");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(pair.path);
  await expect(page.locator("[data-keyboard-ready]")).toBeAttached();
  await page.keyboard.press("[");
  await expect(page.locator("[data-pair-mode=training]")).toBeAttached();
  for (const name of ["Training side", "Deployment side"]) {
    const box = (await page.getByLabel(name, { exact: true }).boundingBox())!;
    expect(box.width, name).toBeGreaterThan(300);
    expect(box.x + box.width, name).toBeLessThanOrEqual(1280);
  }
  const panel = page.getByRole("complementary", { name: "Annotation panel" });
  await expect(panel).toBeInViewport();
  await expect(panel.getByRole("button", { name: /Submit/ })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: testInfo.outputPath("1280-pair-annotating.png") });
});

test("a page number past the end says so and links to the last page", async ({ page }) => {
  await page.goto("/transcripts?page=100&size=100");
  const status = page.getByTestId("past-the-end");
  await expect(status).toContainText("Page 100 is past the end of this list: it has");
  await expect(page.getByText("No transcript matches these filters.")).toHaveCount(0);
  await status.getByRole("link", { name: /Go to the last page/ }).click();
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByTestId("past-the-end")).toHaveCount(0);
});
