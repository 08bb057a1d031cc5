import type { Page } from "@playwright/test";
import type pg from "pg";
import { ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";

const panel = (page: Page) => page.getByRole("region", { name: "Annotation" });
const side = (page: Page, name: "Training" | "Deployment") => page.getByLabel(`${name} side`, { exact: true });
const labelsOf = (page: Page, name: "Training" | "Deployment") => page.getByRole("region", { name: `${name} labels` });
const saved = (page: Page) => expect(panel(page).locator("[data-save-status]")).toHaveText(/^Saved/);

/** A pair with both sides and a real scratchpad that no one labelled (from the end: annotate.spec.ts takes the first ids). */
async function freshPair(database: pg.Client, skip = 0) {
  const { rows } = await database.query<{ pair_id: number; training_id: number; deployment_id: number; deployment_text: string }>(
    `SELECT p.id AS pair_id, t.id AS training_id, d.id AS deployment_id, d.scratchpad_text AS deployment_text
       FROM pairs p
       JOIN transcripts t ON t.pair_id = p.id AND t.condition = 'training'
       JOIN transcripts d ON d.pair_id = p.id AND d.condition = 'deployment'
      WHERE length(t.scratchpad_text) > 200 AND length(d.scratchpad_text) > 200
        AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id IN (t.id, d.id))
      ORDER BY p.id DESC LIMIT 1 OFFSET $1`,
    [skip],
  );
  return rows[0];
}

test("an annotator switches to the deployment side with the keyboard, labels it and tags a span; after reload the labels are under that side", async ({
  page,
  database,
}) => {
  const pair = await freshPair(database);
  const phrase = pair.deployment_text.split("\n")[0].slice(0, 40).trim();
  await page.goto(`/pairs/${pair.pair_id}`);
  await expect(page.locator("[data-keyboard-ready]")).toBeAttached();
  await expect(page.locator("[data-pair-mode=reading]")).toBeAttached();

  await page.keyboard.press("]");
  await expect(page.locator("[data-pair-mode=deployment]")).toBeAttached();
  await expect(page.getByRole("status").filter({ hasText: "Annotating the deployment side" })).toBeVisible();
  await expect(side(page, "Deployment")).toBeFocused();

  // The panel's help lists the pair keys too: none of them is a label's letter.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard" });
  await expect(help).toContainText("Pair view");
  await expect(help).toContainText("Annotate the training side");
  await expect(help.getByRole("row").filter({ hasText: "Word diff" })).toContainText("w");
  await expect(help.getByRole("row").filter({ hasText: "Word diff" })).not.toContainText("Shift");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // Verdict partial (v, 2), then find the phrase (/), select it and tag it as criterion c.
  await page.keyboard.press("v");
  await page.keyboard.press("2");
  await page.keyboard.press("/");
  await page.keyboard.type(phrase);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("annotation-notice")).toHaveText(/Selected/);
  await page.keyboard.press("c");
  await expect(side(page, "Deployment").locator('mark[data-labels~="criterion_c"]')).toHaveText(phrase);
  await saved(page);

  // w: the diff goes on for the other side; the annotated side keeps its highlights.
  await page.keyboard.press("w");
  await expect(page).toHaveURL(/diff=1/);
  await expect(page.getByRole("region", { name: "Training scratchpad diff" })).toBeVisible();
  await expect(side(page, "Deployment").locator('mark[data-labels~="criterion_c"]')).toHaveText(phrase);
  await expect(page.locator("[data-pair-mode=deployment]")).toBeAttached();

  await page.reload();
  await expect(page.locator("[data-pair-mode=deployment]")).toBeAttached(); // still annotating that side
  await expect(labelsOf(page, "Deployment").getByRole("region", { name: "Your labels" })).toContainText("Partial");
  await expect(labelsOf(page, "Deployment").getByRole("region", { name: "Your labels" })).toContainText(phrase);
  await expect(labelsOf(page, "Training").getByRole("region", { name: "Your labels" })).toContainText("None yet");
  await expect(labelsOf(page, "Deployment").getByRole("region", { name: "Source labels" })).toBeVisible();
  await expect(side(page, "Deployment").locator('mark[data-labels~="criterion_c"]')).toHaveText(phrase);
  await expect(side(page, "Training").locator("mark[data-labels]")).toHaveCount(0);

  const { rows } = await database.query(
    `SELECT a.transcript_id, a.values FROM annotations a JOIN users u ON u.id = a.annotator_id WHERE u.email = $1 AND a.transcript_id = ANY($2)`,
    [ACCOUNTS.annotator.email, [pair.training_id, pair.deployment_id]],
  );
  expect(rows).toEqual([{ transcript_id: pair.deployment_id, values: { af_verdict: "partial" } }]);

  // `]` again: back to reading, and the pair keys are plain letters again.
  await page.keyboard.press("]");
  await expect(page.locator("[data-pair-mode=reading]")).toBeAttached();
});

test("a lead sees both annotators' labels of a side on the pair page; an annotator's page never carries the other's", async ({
  page,
  pageAs,
  database,
}) => {
  const pair = await freshPair(database, 1);
  const note = `bo-only-note-${pair.pair_id}`;
  const second = await pageAs("annotator2");

  // Both annotators label the training side and submit the pair with Enter.
  for (const [annotator, keys] of [
    [page, ["v", "1"]],
    [second, ["v", "3", "n"]],
  ] as const) {
    await annotator.goto(`/pairs/${pair.pair_id}`);
    await expect(annotator.locator("[data-keyboard-ready]")).toBeAttached();
    await annotator.keyboard.press("[");
    await expect(annotator.locator("[data-pair-mode=training]")).toBeAttached();
    for (const key of keys) await annotator.keyboard.press(key);
    if (annotator === second) {
      await annotator.keyboard.type(note);
      await annotator.keyboard.press("Escape");
    }
    await saved(annotator);
    await annotator.keyboard.press("Enter");
    await expect(annotator).not.toHaveURL(new RegExp(`/pairs/${pair.pair_id}(\\?|$)`));
  }
  const { rows } = await database.query(
    `SELECT count(*)::int AS n FROM annotations WHERE transcript_id = $1 AND submitted_at IS NOT NULL`,
    [pair.training_id],
  );
  expect(rows[0].n).toBe(2);

  const lead = await pageAs("lead");
  await lead.goto(`/pairs/${pair.pair_id}`);
  const others = labelsOf(lead, "Training").getByRole("region", { name: /Other annotators/ });
  await expect(others).toContainText(ACCOUNTS.annotator.name);
  await expect(others).toContainText(ACCOUNTS.annotator2.name);
  await expect(others).toContainText("Full");
  await expect(others).toContainText(note);
  await expect(labelsOf(lead, "Deployment").getByRole("region", { name: /Other annotators/ })).toContainText("No one else has submitted");

  // The first annotator sees their own label, and nothing of the second's: not on screen, not in the HTML or the page's data.
  const response = await page.goto(`/pairs/${pair.pair_id}`);
  const html = (await response!.text()) + (await page.content());
  await expect(labelsOf(page, "Training").getByRole("region", { name: "Your labels" })).toContainText("No");
  await expect(page.getByRole("region", { name: /Other annotators/ })).toHaveCount(0);
  expect(html).not.toContain(ACCOUNTS.annotator2.name);
  expect(html).not.toContain(note);
});
