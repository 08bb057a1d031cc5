import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, test } from "./fixtures";

/**
 * One key map (lib/keys/map.ts): a label's letter means that label on a
 * transcript and on a pair side alike, the pair view's own keys never use a
 * label letter, every page answers `?` from the map, and text selected with
 * the mouse offers "Tag as…" beside it.
 */
const side = (page: Page, name: "Training" | "Deployment") => page.getByLabel(`${name} side`, { exact: true });
const panel = (page: Page) => page.getByRole("region", { name: "Annotation" });
const saved = (page: Page) => expect(panel(page).locator("[data-save-status]")).toHaveText(/^Saved/);

async function unlabelledPair(database: pg.Client) {
  const { rows } = await database.query<{ pair_id: number; deployment_id: number }>(
    `SELECT p.id AS pair_id, d.id AS deployment_id FROM pairs p
       JOIN transcripts t ON t.pair_id = p.id AND t.condition = 'training'
       JOIN transcripts d ON d.pair_id = p.id AND d.condition = 'deployment'
      WHERE length(t.scratchpad_text) > 200 AND length(d.scratchpad_text) > 200
        AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id IN (t.id, d.id))
      ORDER BY p.id DESC LIMIT 1 OFFSET 6`,
  );
  return rows[0];
}

test("the pair view's keys are not label letters: s, e, c, u label a side while annotating, o w = - Backspace act on the pair", async ({
  page,
  database,
}) => {
  const pair = await unlabelledPair(database);
  await page.goto(`/pairs/${pair.pair_id}?from=${encodeURIComponent("condition=training")}`);
  await expect(page.locator("[data-keyboard-ready]")).toBeAttached();

  // Reading: the pair's keys, none of them a label's letter.
  await page.keyboard.press("l");
  await expect(side(page, "Deployment")).toBeFocused();
  await page.keyboard.press("o");
  await expect(side(page, "Training")).toBeFocused();
  await page.keyboard.press("-");
  await expect(side(page, "Training").getByRole("group", { name: "Scratchpad turn 1" })).not.toHaveAttribute("open");
  await page.keyboard.press("=");
  await expect(side(page, "Training").getByRole("group", { name: "Scratchpad turn 1" })).toHaveAttribute("open", "");
  // e and c no longer expand or collapse; s no longer moves the focus.
  await page.keyboard.press("c");
  await page.keyboard.press("s");
  await expect(side(page, "Training").getByRole("group", { name: "Scratchpad turn 1" })).toHaveAttribute("open", "");
  await expect(side(page, "Training")).toBeFocused();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard" });
  await expect(help.getByRole("region", { name: "Pair view" })).toContainText("Focus the other side");
  await expect(help.getByRole("region", { name: "Everywhere" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // Annotating the deployment side: s then 4 is compliance 4 and u cycles unmonitored unmasking, as on a transcript's page.
  await page.keyboard.press("]");
  await expect(page.locator("[data-pair-mode=deployment]")).toBeAttached();
  for (const key of ["s", "4", "u"]) await page.keyboard.press(key);
  await expect(panel(page).locator('[data-label="compliance"] button[aria-pressed=true]')).toHaveText(/4/);
  await expect(panel(page).locator('[data-label="unmonitored_unmasking"] button[aria-pressed=true]')).toHaveText(/Yes/);
  await saved(page);
  // The pair keys need no Shift while annotating.
  await page.keyboard.press("w");
  await expect(page).toHaveURL(/diff=1/);
  await expect(page.locator("[data-pair-mode=deployment]")).toBeAttached();
  const { rows } = await database.query(`SELECT values FROM annotations WHERE transcript_id = $1`, [pair.deployment_id]);
  expect(rows).toEqual([{ values: { compliance: 4, unmonitored_unmasking: true } }]);

  await page.keyboard.press("Backspace");
  await expect(page).toHaveURL(/\/transcripts\?condition=training$/);
});

test("a page without keys of its own answers ? with the global keys", async ({ page }) => {
  await page.goto("/variations");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard" });
  await expect(help).toContainText("This page has no keys of its own");
  await expect(help.getByRole("region", { name: "Everywhere" })).toContainText("Show or hide the keys of this page");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("text selected with the mouse offers Tag as… beside it; Ctrl+Shift+→ widens it by a word first", async ({ page, database }) => {
  const { rows } = await database.query<{ id: number; scratchpad_text: string }>(
    `SELECT t.id, t.scratchpad_text FROM transcripts t WHERE t.id > 300 AND length(t.scratchpad_text) > 200
       AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id) ORDER BY t.id LIMIT 1`,
  );
  const [{ id }] = rows;
  await page.goto(`/transcripts/${id}`);
  await expect(page.getByRole("heading", { name: `Transcript #${id}` })).toBeVisible();
  const piece = page.locator("[data-af-scratchpad] [data-af-piece]").first();
  await expect(piece).toBeVisible();

  // Drag across the first two words of the scratchpad.
  const { from, to, expected } = await piece.evaluate((element) => {
    const text = element.firstChild as Text;
    const words = [...text.data.matchAll(/\S+/g)];
    const point = (offset: number) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + 1, y: rect.top + rect.height / 2 };
    };
    const start = words[0].index!;
    const end = words[1].index! + words[1][0].length;
    const widened = words[2].index! + words[2][0].length;
    return { from: point(start), to: { ...point(end - 1), x: point(end - 1).x + 4 }, expected: text.data.slice(start, widened) };
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();

  const popover = page.getByRole("group", { name: "Tag as" });
  await expect(popover).toBeVisible();
  const box = (await popover.boundingBox())!;
  expect(Math.abs(box.y - to.y)).toBeLessThan(60); // beside the selection, not in the panel

  await page.keyboard.press("Control+Shift+ArrowRight");
  await popover.getByRole("button", { name: /c · Its values conflict/ }).click();
  await expect(page.locator('mark[data-labels~="criterion_c"]')).toHaveText(expected);
  await expect(popover).toBeHidden();
  await saved(page);
});
