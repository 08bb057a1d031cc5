import type { Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";
import { slowNetwork } from "./page-checks";

/**
 * A day's work (issue 16): an annotator starts from the home page with one
 * key, knows where they are in a queue ("n of N", their items, back and
 * forward), sees each submit confirmed and can undo the last one (audited),
 * reaches a finished state; the blind banner says what is hidden and what the
 * text may still reveal; the lead's home and queue page show progress and
 * items per annotator; on a slow link a progress bar shows the page is coming.
 * Screenshots go to the test's output folder (test-results/…).
 */
const saved = (page: Page) => expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);

/** The lead makes a blind queue of three random transcripts for the second annotator alone. */
async function makeQueue(lead: Page, name: string): Promise<number> {
  await lead.goto("/queues/new");
  await lead.getByLabel("Name", { exact: true }).fill(name);
  // Transcripts no one has labelled: an annotator is never handed one they labelled in an earlier spec.
  await lead.getByLabel("Transcripts-table filter", { exact: false }).fill("status=unlabelled");
  await lead.getByLabel("How many").fill("3");
  await lead.getByLabel("Annotators per item").fill("1");
  await expect(lead.getByRole("checkbox", { name: /^Blind/ })).toBeChecked();
  await lead.getByRole("checkbox", { name: new RegExp(ACCOUNTS.annotator2.name) }).check();
  await lead.getByRole("button", { name: "Create queue" }).click();
  await expect(lead.getByRole("heading", { name })).toBeVisible();
  return Number(/\/queues\/(\d+)/.exec(lead.url())![1]);
}

async function labelAndSubmit(page: Page, digit: string) {
  await page.keyboard.press("v");
  await page.keyboard.press(digit);
  await saved(page);
  await page.keyboard.press("Enter");
}

test("an annotator starts from home, knows where they are in a queue, undoes a submit and finishes; the lead sees it all", async ({
  pageAs,
  database,
}, testInfo) => {
  test.setTimeout(240_000);
  const name = `Day work ${Date.now()}`;
  const lead = await pageAs("lead");
  const queueId = await makeQueue(lead, name);

  const annotator = await pageAs("annotator2");
  await annotator.setViewportSize({ width: 1440, height: 900 });
  await annotator.goto("/");
  await expect(annotator.getByRole("heading", { name: `Hello, ${ACCOUNTS.annotator2.name}` })).toBeVisible();
  const queues = annotator.getByRole("region", { name: "Your queues" });
  await expect(queues.getByRole("progressbar", { name: `${name}: submitted` })).toHaveAttribute("aria-valuemax", "3");
  // The queue's name stands beside its bar, so the caption above the bar does not repeat it.
  await expect(queues).toContainText("Submitted 0 / 3");
  await expect(annotator.locator("[data-team-needs]")).toContainText(name);
  const start = annotator.getByRole("region", { name: "Start here" }).getByRole("link", { name: /Start labelling|Resume/ });
  await expect(start).toBeVisible();
  await annotator.screenshot({ path: testInfo.outputPath("annotator-home.png"), fullPage: true });

  // One key to start: the start link has the focus; Enter opens the first item.
  if (!(await start.getAttribute("href"))!.includes(`/queues/${queueId}/`)) await annotator.goto(`/queues/${queueId}/next`);
  else {
    await expect(start).toBeFocused();
    await annotator.keyboard.press("Enter");
  }
  await expect(annotator.getByRole("heading", { level: 1, name: "Item 1 of 3" })).toBeVisible();

  // The blind banner: metadata hidden, the text may still tell.
  const banner = annotator.getByRole("note", { name: "Blind item" });
  await expect(banner).toContainText("the condition, training or deployment");
  await expect(banner).toContainText("other annotators’ labels");
  await expect(banner).toContainText("Not hidden: the text itself");
  await expect(banner).toContainText("say which tier the user is on or name the company");

  // "Submit & next" is on screen without scrolling at 1440×900.
  await expect(annotator.getByRole("button", { name: /Submit & next/ })).toBeInViewport();
  await annotator.screenshot({ path: testInfo.outputPath("queue-item.png") });

  // Item 1: submitted, confirmed on item 2, which knows its place.
  await labelAndSubmit(annotator, "3");
  await expect(annotator.getByRole("heading", { level: 1, name: "Item 2 of 3" })).toBeVisible();
  await expect(annotator.getByRole("status").filter({ hasText: "Submitted item 1" })).toBeVisible();
  const place = annotator.getByRole("navigation", { name: "Your place in the queue" });
  await expect(place.getByRole("progressbar", { name: "Submitted" })).toHaveAttribute("aria-valuenow", "1");
  await expect(place.getByRole("list", { name: "Your items" }).getByRole("listitem")).toHaveCount(2);

  // Back to item 1 (revealed now that it is submitted), and forward again.
  await place.getByRole("link", { name: "Previous item" }).click();
  await expect(annotator.getByRole("heading", { level: 1, name: "Item 1 of 3" })).toBeVisible();
  await expect(annotator.getByRole("region", { name: "Revealed" })).toContainText("Revealed after your submission");
  await annotator.getByRole("navigation", { name: "Your place in the queue" }).getByRole("link", { name: "Next item" }).click();
  await expect(annotator.getByRole("heading", { level: 1, name: "Item 2 of 3" })).toBeVisible();

  // Item 2: submitted, then undone from the confirmation: a draft again, and the audit log says so.
  await labelAndSubmit(annotator, "1");
  await expect(annotator.getByRole("heading", { level: 1, name: "Item 3 of 3" })).toBeVisible();
  await annotator.getByRole("status").filter({ hasText: "Submitted item 2" }).getByRole("button", { name: "Undo" }).click();
  await expect(annotator.getByRole("heading", { level: 1, name: "Item 2 of 3" })).toBeVisible();
  const { rows: undone } = await database.query<{ submitted_at: Date | null; after: { submitted: boolean } }>(
    `SELECT a.submitted_at, (SELECT au.after FROM annotation_audit au WHERE au.annotation_id = a.id ORDER BY au.id DESC LIMIT 1) AS after
     FROM annotations a JOIN label_queue_items i ON i.transcript_id = a.transcript_id
     JOIN users u ON u.id = a.annotator_id
     WHERE i.queue_id = $1 AND u.email = $2 ORDER BY i.id`,
    [queueId, ACCOUNTS.annotator2.email],
  );
  expect(undone.filter((row) => row.submitted_at === null)).toHaveLength(1);
  expect(undone.find((row) => row.submitted_at === null)!.after.submitted).toBe(false);

  // Resubmit item 2 (its label was kept), then item 3: the queue is finished.
  await expect(annotator.locator("[data-save-status]")).toHaveText(/Nothing to save yet|^Saved/); // the draft as it was
  await annotator.keyboard.press("Enter");
  await expect(annotator.getByRole("heading", { level: 1, name: "Item 3 of 3" })).toBeVisible();
  await labelAndSubmit(annotator, "3");
  await expect(annotator.getByRole("heading", { name: /Nothing left for you/ })).toBeVisible();
  await expect(annotator.getByRole("status").filter({ hasText: "Submitted" })).toBeVisible();

  // Finished: no "My next item →" on the queue, and home lists the labels.
  await annotator.goto("/queues");
  const entry = annotator.getByRole("listitem").filter({ hasText: name });
  await expect(entry.getByText("✓ Finished")).toBeVisible();
  await expect(entry.getByRole("link", { name: /My next item/ })).toHaveCount(0);
  await annotator.goto("/");
  await expect(annotator.getByRole("region", { name: "Your queues" }).getByRole("listitem").filter({ hasText: name })).toContainText(
    "✓ Finished",
  );
  // The queue's three labels are among the recent ones, submitted (earlier tests' labels of this account may be there too).
  const { rows: queueItems } = await database.query<{ transcript_id: number }>(
    `SELECT transcript_id FROM label_queue_items WHERE queue_id = $1`,
    [queueId],
  );
  expect(queueItems).toHaveLength(3);
  const recent = annotator.getByRole("region", { name: "Your recent labels" });
  for (const { transcript_id } of queueItems) {
    const row = recent.getByRole("listitem").filter({ has: annotator.getByRole("link", { name: `#${transcript_id}`, exact: true }) });
    await expect(row).toContainText("✓ submitted");
  }

  // The lead: the queue's items with each annotator's status, and the home desk.
  await lead.goto(`/queues/${queueId}`);
  const items = lead.getByRole("region", { name: "Items" });
  await expect(items.locator("tbody tr")).toHaveCount(3);
  await expect(items.locator('[data-annotator-status="submitted"]')).toHaveCount(3);
  await lead.goto("/");
  await expect(lead.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(lead.getByRole("progressbar", { name: `${name}: items complete` })).toHaveAttribute("aria-valuenow", "3");
  await expect(lead.getByRole("region", { name: "Disagreements waiting" })).toBeVisible();
  await expect(lead.getByRole("region", { name: "Newest imports" })).toBeVisible();
  await expect(
    lead
      .getByRole("navigation", { name: "Charts" })
      .getByRole("link", { name: /per variation/ })
      .first(),
  ).toBeVisible();
  await lead.screenshot({ path: testInfo.outputPath("lead-home.png"), fullPage: true });

  // Close the queue: its transcripts are ordinary ones again for everyone else's tests.
  await lead.goto(`/queues/${queueId}`);
  await lead.getByRole("checkbox", { name: /^Closed/ }).check();
  await lead.getByRole("button", { name: "Save settings" }).click();
  await expect(lead.getByText("Saved.")).toBeVisible();
});

test("on a slow link a progress bar shows from the click until the next page arrives", async ({ page }) => {
  await page.goto("/transcripts");
  await expect(page.getByRole("table")).toBeVisible();
  const restoreNetwork = await slowNetwork(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Queues", exact: true }).click();
  // The bar until the new URL commits; when the route's loading state was prefetched, the URL commits at once to its skeleton instead.
  const indicator = page.locator("[data-navigation-progress], [data-skeleton]").first();
  await expect(indicator).toBeVisible();
  const bar = page.getByRole("progressbar", { name: "Loading the page" });
  await expect(page.getByRole("heading", { level: 1, name: "Labelling queues" })).toBeVisible({ timeout: 30_000 });
  await expect(bar).toHaveCount(0);
  await restoreNetwork();
});
