import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { mainPages } from "./main-pages";

/** axe-core on every main page, as a lead (who sees the most) and as an annotator: no serious or critical violation. */
for (const account of ["lead", "annotator"] as const) {
  test(`axe finds no serious or critical violation on the main pages (${account})`, async ({ pageAs, database }) => {
    test.setTimeout(180_000);
    const page = await pageAs(account);
    const found: string[] = [];
    for (const { path } of await mainPages(database)) {
      const response = await page.goto(path);
      if (response?.status() === 403) continue; // a lead's page, refused to an annotator: roles.spec.ts covers it
      await page.waitForLoadState("networkidle");
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const violation of violations.filter((candidate) => candidate.impact === "serious" || candidate.impact === "critical"))
        found.push(
          `${path}: ${violation.id} (${violation.impact}) ${violation.nodes
            .map((node) => node.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
        );
    }
    expect(found).toEqual([]);
  });
}

test("focus is visible on links and buttons reached with Tab", async ({ page }) => {
  await page.goto("/transcripts");
  for (let step = 0; step < 6; step++) {
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { tag: element.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
    });
    expect(outline.outline !== "none" && outline.width > 0 ? true : outline.shadow !== "none", `${outline.tag} shows focus`).toBe(true);
  }
});
