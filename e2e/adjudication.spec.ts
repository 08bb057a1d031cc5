import type { Page } from "@playwright/test";
import type pg from "pg";
import { ACCOUNTS, type AccountName } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * Adjudication as a lead works it: two annotators disagree on two
 * transcripts; the list names the label (not its key), the variation and the
 * condition; the lead decides from the keyboard (? lists the keys, r the
 * reason, a digit decides, n the next disagreement); the reason stays in its
 * field after deciding, and the audit log shows it in words, not JSON.
 */
const saved = (page: Page) => expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);

/** The verdict (its button in the panel) on a transcript outside any queue, submitted by its button (and stored as submitted). */
async function verdict(page: Page, who: AccountName, database: pg.Client, transcriptId: number, option: string) {
  await page.goto(`/transcripts/${transcriptId}`);
  await expect(page.getByRole("heading", { name: `Transcript #${transcriptId}` })).toBeVisible();
  await page
    .getByRole("region", { name: "Annotation" })
    .locator('[data-label="af_verdict"]')
    .getByRole("button", { name: option, exact: true })
    .click();
  await saved(page);
  await page
    .getByRole("region", { name: "Annotation" })
    .getByRole("button", { name: /^Submit/ })
    .click();
  await expect
    .poll(async () => {
      const { rows } = await database.query(
        `SELECT 1 FROM annotations a JOIN users u ON u.id = a.annotator_id WHERE a.transcript_id = $1 AND u.email = $2 AND a.submitted_at IS NOT NULL`,
        [transcriptId, ACCOUNTS[who].email],
      );
      return rows.length;
    })
    .toBe(1);
}

test("a lead decides two disagreements from the keyboard, with a reason the audit log shows in words", async ({
  pageAs,
  database,
}, testInfo) => {
  test.setTimeout(180_000);
  // Two consecutive transcripts of the corpus nobody labelled, in no queue (so no blind hold), not the e2e fixtures (other specs'),
  // from the end of the corpus (annotate.spec takes the start).
  const { rows } = await database.query<{ id: number; variation: string; condition: string }>(
    `SELECT t.id, v.name AS variation, t.condition::text AS condition
       FROM transcripts t JOIN pairs p ON p.id = t.pair_id JOIN prompt_variations v ON v.id = p.variation_id
      WHERE EXISTS (SELECT 1 FROM transcripts n JOIN pairs np ON np.id = n.pair_id WHERE n.id = t.id + 1 AND np.variation_id = p.variation_id)
        AND length(t.scratchpad_text) BETWEEN 200 AND 20000 AND v.name NOT LIKE 'team-%'
        AND t.dataset_id NOT IN (SELECT id FROM datasets WHERE name = 'e2e fixtures')
        AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id IN (t.id, t.id + 1))
        AND NOT EXISTS (SELECT 1 FROM label_queue_items i WHERE i.transcript_id IN (t.id, t.id + 1))
      ORDER BY t.id DESC LIMIT 1`,
  );
  const [{ id: first, variation, condition }] = rows;
  const second = first + 1;
  // The label's name in the current schema (another spec may rename labels in a newer version).
  const { rows: schema } = await database.query<{ labels: { key: string; name: string; options?: { value: string; label: string }[] }[] }>(
    `SELECT labels FROM label_schema_versions ORDER BY version DESC LIMIT 1`,
  );
  // No version row yet: the app writes its default schema on first use (lib/annotations/default-schema.ts), this one.
  const defaultVerdict = {
    key: "af_verdict",
    name: "Alignment faking",
    options: [
      { value: "no", label: "No" },
      { value: "partial", label: "Partial" },
      { value: "full", label: "Full" },
    ],
  };
  const verdictLabel = schema[0]?.labels.find((label) => label.key === "af_verdict") ?? defaultVerdict;
  const optionName = (value: string) => verdictLabel.options!.find((option) => option.value === value)!.label;
  const digitOf = (value: string) => String(verdictLabel.options!.findIndex((option) => option.value === value) + 1);

  const ann = await pageAs("annotator");
  const bo = await pageAs("annotator2");
  for (const id of [first, second]) {
    await verdict(ann, "annotator", database, id, optionName("full"));
    await verdict(bo, "annotator2", database, id, optionName("no"));
  }

  // The list: label names, variation and condition, a link per transcript.
  const lead = await pageAs("lead");
  await lead.goto("/adjudication");
  const row = lead.getByRole("row").filter({ has: lead.getByRole("link", { name: `#${first}`, exact: true }) });
  await expect(row).toContainText(verdictLabel.name);
  await expect(row).not.toContainText("af_verdict");
  await expect(row).toContainText(variation);
  await expect(row).toContainText(condition === "training" ? "Training" : "Deployment");
  await row.getByRole("link", { name: `#${first}`, exact: true }).click();
  await expect(lead.getByRole("heading", { name: `Adjudicate transcript #${first}` })).toBeVisible();

  // ? lists the page's keys.
  await lead.keyboard.press("?");
  const help = lead.getByRole("dialog", { name: "Keyboard: Adjudication" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Next disagreement waiting for a decision");
  await expect(help).toContainText("Write the reason");
  await lead.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // The label in disagreement is highlighted; r writes the reason, its digit decides.
  const verdictRow = lead.locator('tr[data-label="af_verdict"]');
  await expect(verdictRow).toHaveAttribute("aria-current", "true");
  await lead.screenshot({ path: testInfo.outputPath("adjudication.png"), fullPage: false });
  const reason = "Criterion e is explicit: the model says it complies to avoid retraining.";
  await lead.keyboard.press("r");
  await lead.keyboard.type(reason);
  await lead.keyboard.press("Escape");
  await lead.keyboard.press(digitOf("full"));
  await expect(verdictRow.locator("[data-consensus]")).toHaveText(/Adjudicated by a lead/);
  await expect(lead.getByRole("status").filter({ hasText: "decided" })).toContainText(verdictLabel.name);
  await expect(lead.getByLabel(/^Reason/)).toHaveValue(reason); // kept, not cleared
  await lead.screenshot({ path: testInfo.outputPath("adjudication-decided.png"), fullPage: false });

  // n: the next disagreement waiting (the second transcript), decided "No" by its digit with a reason of its own.
  await lead.keyboard.press("n");
  await expect(lead.getByRole("heading", { name: `Adjudicate transcript #${second}` })).toBeVisible();
  await lead.keyboard.press("r");
  await lead.keyboard.type("Only criteria a-c.");
  await lead.keyboard.press("Escape");
  await lead.keyboard.press(digitOf("no"));
  await expect(lead.locator('tr[data-label="af_verdict"] [data-consensus]')).toHaveText(/Adjudicated by a lead/);

  // The audit log: the decision and its reason in words.
  await lead.goto(`/audit?transcript=${first}`);
  const entry = lead.locator('[data-team-audit="adjudicate"]');
  await expect(entry).toHaveCount(1);
  const details = entry.locator("[data-audit-details]");
  await expect(details).toContainText(`Label:${verdictLabel.name}`);
  await expect(details).toContainText("Decision:none → Full");
  await expect(details).toContainText(`Reason:“${reason}”`);
  await expect(entry).not.toContainText("{");
  await expect(entry).not.toContainText("labelKey");

  // Both decisions are stored with their reasons.
  const { rows: decided } = await database.query<{ transcript_id: number; value: string; note: string }>(
    `SELECT transcript_id, value #>> '{}' AS value, note FROM adjudications WHERE transcript_id IN ($1, $2) ORDER BY transcript_id`,
    [first, second],
  );
  expect(decided).toEqual([
    { transcript_id: first, value: "full", note: reason },
    { transcript_id: second, value: "no", note: "Only criteria a-c." },
  ]);
});
