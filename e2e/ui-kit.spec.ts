import { expect, test } from "./fixtures";
import { expectInlineError } from "./page-checks";

/**
 * The UI kit (issue 16): a form's field errors show beside their field, and a
 * screen reader reaches them from the control (its aria-describedby names the
 * error, aria-invalid is set); a confirmation is the app's one toast. Nothing
 * here is stored: both forms are refused, and the annotation goes to a
 * transcript no one had labelled.
 */

test("the export form says a split that does not add up to 1 beside the split field", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  await lead.goto("/transcripts?condition=deployment");
  await lead.getByRole("link", { name: "Export this filter" }).click();
  const split = lead.getByLabel("Split (train, validation, test)");
  await split.fill("0.5,0.1,0.1");
  await lead.getByRole("button", { name: "Start export" }).click();
  await expectInlineError(lead, split, /add up to 1/);
  // The other fields are fine and say nothing.
  await expect(lead.getByLabel("Seed")).not.toHaveAttribute("aria-invalid", "true");
  // Corrected, the error goes and the export starts (confirmed by the toast).
  await split.fill("0.8,0.1,0.1");
  await lead.getByRole("button", { name: "Start export" }).click();
  await expect(lead.getByTestId("toast")).toContainText(/Export #\d+ started/);
  await expect(split).not.toHaveAttribute("aria-invalid", "true");
  await expect(lead.locator("[data-field-error]")).toHaveCount(0);
});

test("the queue form says a blank name and a missing annotator beside their fields", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  await lead.goto("/queues/new");
  const name = lead.getByLabel("Name", { exact: true });
  await name.fill("   "); // the browser's `required` takes spaces; the server's schema trims them
  await lead.getByRole("button", { name: "Create queue" }).click();
  await expectInlineError(lead, name, /Name the queue\./);
  const annotators = lead.getByRole("group", { name: "Annotators" });
  await expect(annotators).toHaveAttribute("aria-invalid", "true");
  const describedBy = await annotators.getAttribute("aria-describedby");
  await expect(lead.locator(`[id="${describedBy}"]`)).toHaveText(/Choose at least one annotator/);
  await expect(lead).toHaveURL(/\/queues\/new/); // nothing was made
});

test("an annotation's submit is confirmed by the toast", async ({ page, database }) => {
  // A transcript no one labelled, from the far end (annotate.spec takes the first ones).
  const { rows } = await database.query<{ id: number }>(
    `SELECT t.id FROM transcripts t WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id) ORDER BY t.id DESC LIMIT 1`,
  );
  const id = rows[0].id;
  await page.goto(`/transcripts/${id}`);
  await expect(page.getByRole("heading", { name: `Transcript #${id}` })).toBeVisible();
  await page.keyboard.press("v");
  await page.keyboard.press("3");
  await expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);
  await expect(page.getByTestId("toast")).toHaveCount(0);
  await page.getByRole("button", { name: /^Submit/ }).click();
  const toast = page.getByRole("status").filter({ hasText: "✓ Submitted." });
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute("data-testid", "toast");
  // The live container the toast appears in was there before it (so it is announced).
  await expect(toast.locator("xpath=..")).toHaveAttribute("aria-live", "polite");
});
