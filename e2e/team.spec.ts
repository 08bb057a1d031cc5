import type { Page, Response } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { expect, keysReady, test } from "./fixtures";
import { E2E_FIXTURES } from "./fixtures/names";

/**
 * Team labelling end to end: a lead makes a blind queue of one pair, two
 * annotators label it without seeing the condition or each other's labels
 * (checked in the HTML and in every network response), they disagree on one
 * item, the lead sees kappa and the disagreement, adjudicates, and the
 * consensus label is what the transcripts table filters on.
 */
const { team } = E2E_FIXTURES;
const NOTE_OF_FIRST = "first-annotator-private-note-7q";
/** What a blind page must never carry: the condition (tags and badge), the variation, source labels. */
const BLIND_SECRETS = [
  "is_free_tier_user>True",
  "is_free_tier_user>False",
  team.variation,
  team.labelSource,
  "the model believes it is trained on this",
  "the model believes it is unmonitored",
];

const saved = (page: Page) => expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);

/** Every response body the page receives (documents, RSC payloads, API answers). */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response: Response) => {
    if (response.status() >= 300 && response.status() < 400) return;
    try {
      bodies.push(await response.text());
    } catch {
      // bodies of aborted requests are gone; nothing to check
    }
  });
  return bodies;
}

function expectAbsent(texts: string[], secrets: string[]) {
  for (const secret of secrets) {
    const leaks = texts.filter((text) => text.includes(secret));
    expect(leaks, `"${secret}" reached the annotator`).toHaveLength(0);
  }
}

/** Labels the current blind item: verdict by its digit (1 no, 3 full), an optional note, then Enter (submit and next). */
async function labelItem(page: Page, verdictDigit: "1" | "3", note?: string) {
  await expect(page.getByRole("heading", { name: /^Item \d+ of \d+$/ })).toBeVisible();
  await expect(page.getByText("[hidden]").first()).toBeVisible();
  const html = await page.content();
  expectAbsent([html], BLIND_SECRETS);
  await keysReady(page, "annotation");
  await page.keyboard.press("v");
  await page.keyboard.press(verdictDigit);
  if (note) {
    await page.keyboard.press("n");
    await page.keyboard.type(note);
    await page.keyboard.press("Escape");
  }
  await saved(page);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  await page.keyboard.press("Enter");
  // Submit goes through /queues/:id/next to the next item, or to "nothing left".
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(heading!);
}

test("two annotators label a blind queue, disagree once, and the lead adjudicates into the consensus", async ({ pageAs, database }) => {
  test.setTimeout(240_000);
  const queueName = `Blind pair ${Date.now()}`;

  // The lead makes a queue from the table filter q=<search word>: both transcripts, two annotators each, blind by default.
  const lead = await pageAs("lead");
  await lead.goto(`/queues/new?q=${team.searchWord}&page=3`);
  await lead.getByLabel("Name", { exact: true }).fill(queueName);
  await lead.getByLabel("How many").fill("10");
  await lead.getByLabel("Which").selectOption("first");
  await expect(lead.getByLabel("Transcripts-table filter", { exact: false })).toHaveValue(`q=${team.searchWord}`);
  await expect(lead.getByRole("checkbox", { name: /^Blind/ })).toBeChecked();
  await lead.getByRole("checkbox", { name: new RegExp(ACCOUNTS.annotator.name) }).check();
  await lead.getByRole("checkbox", { name: new RegExp(ACCOUNTS.annotator2.name) }).check();
  await lead.getByRole("button", { name: "Create queue" }).click();
  await expect(lead.getByRole("heading", { name: queueName })).toBeVisible();
  await expect(lead.getByText("2 items × 2 annotators · blind")).toBeVisible();
  const queueId = Number(/\/queues\/(\d+)/.exec(lead.url())![1]);

  // Before labelling them, the queue's transcripts do not exist for its annotators outside the queue.
  const first = await pageAs("annotator");
  const { rows: queued } = await database.query<{ transcript_id: number; pair_id: number }>(
    `SELECT i.transcript_id, t.pair_id FROM label_queue_items i JOIN transcripts t ON t.id = i.transcript_id WHERE i.queue_id = $1 ORDER BY i.id LIMIT 1`,
    [queueId],
  );
  expect((await first.goto(`/transcripts/${queued[0].transcript_id}`))!.status()).toBe(404);
  expect((await first.goto(`/pairs/${queued[0].pair_id}`))!.status()).toBe(404);
  await first.goto(`/transcripts?q=${team.searchWord}`);
  await expect(first.getByText("No transcript matches these filters.")).toBeVisible();

  // Annotator 1: both items "full", a private note on the first.
  const firstSeen = recordResponses(first);
  await first.goto("/queues");
  await first.getByRole("listitem").filter({ hasText: queueName }).getByRole("link", { name: "My next item" }).click();
  await labelItem(first, "3", NOTE_OF_FIRST);
  await labelItem(first, "3");
  await expect(first.getByRole("heading", { name: /Nothing left for you/ })).toBeVisible();
  expectAbsent(firstSeen, BLIND_SECRETS);

  // Annotator 2: the first item they get "no", the second "full": one disagreement. Never sees annotator 1's labels.
  const second = await pageAs("annotator2");
  const secondSeen = recordResponses(second);
  // "My next item" is a real redirect to the claimed item (the page benchmark times it as one), not a 200 that
  // streams a skeleton and then a meta refresh, as it was under app/queues/loading.tsx.
  const claim = await second.request.get(`/queues/${queueId}/next`, { maxRedirects: 0 });
  expect(claim.status()).toBe(307);
  expect(claim.headers().location).toMatch(new RegExp(`/queues/${queueId}/items/\\d+$`));
  await second.goto(`/queues/${queueId}/next`);
  await labelItem(second, "1");
  await labelItem(second, "3");
  await expect(second.getByRole("heading", { name: /Nothing left for you/ })).toBeVisible();
  expectAbsent(secondSeen, [...BLIND_SECRETS, NOTE_OF_FIRST, ACCOUNTS.annotator.name]);

  // Asking for someone else's labels by URL or API: 403.
  const { rows: items } = await database.query<{ id: number; transcript_id: number }>(
    `SELECT id, transcript_id FROM label_queue_items WHERE queue_id = $1 ORDER BY id`,
    [queueId],
  );
  const transcriptId = items[0].transcript_id;
  const itemApi = `/api/queues/${queueId}/items/${items[0].id}/annotation`;
  expect((await second.goto(`/adjudication/${transcriptId}`))!.status()).toBe(403);
  expect((await second.request.get(`/api/transcripts/${transcriptId}/labels`)).status()).toBe(403);
  const firstUserId = (await database.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.annotator.email])).rows[0]
    .id;
  expect((await second.request.get(`${itemApi}?annotator=${firstUserId}`)).status()).toBe(403);
  // Their own labels through the same API are fine.
  expect((await second.request.get(itemApi)).status()).toBe(200);

  // The lead sees kappa and the disagreement.
  await lead.goto(`/queues/${queueId}`);
  await expect(lead.getByRole("progressbar", { name: "Items complete" })).toHaveAttribute("aria-valuenow", "2");
  await lead.goto(`/agreement?queue=${queueId}`);
  const verdictRow = lead.getByRole("region", { name: "Agreement per label" }).locator('tr[data-label="af_verdict"]');
  // Annotator 1 said full twice, annotator 2 no then full: p_o = 0.5, p_e = 0.5, kappa 0.
  await expect(verdictRow.locator('[data-metric="cohen"]')).toHaveText("0.000 (2)");
  await expect(verdictRow.locator("td").last()).toHaveText("1");
  // Per variation, one label at a time: the pair's one variation, the same kappa; the queue is kept.
  await lead.getByRole("combobox", { name: "Label" }).selectOption("af_verdict");
  await lead.getByRole("button", { name: "Show per variation" }).click();
  await expect(lead).toHaveURL(new RegExp(`queue=${queueId}&label=af_verdict`));
  const perVariation = lead.getByRole("region", { name: "Agreement per variation" });
  await expect(perVariation.locator("tr[data-variation]")).toHaveCount(1);
  await expect(perVariation.locator('tr[data-variation] [data-metric="cohen"]')).toHaveText("0.000 (2)");

  await lead.goto(`/adjudication?queue=${queueId}`);
  await expect(lead.getByRole("row")).toHaveCount(2); // header + the one item
  await lead.getByRole("row").nth(1).getByRole("link").click();
  await expect(lead).toHaveURL(/\/adjudication\/\d+(\?queue=\d+)?$/); // the desk keeps the queue it came from
  const decidedId = Number(/\/adjudication\/(\d+)/.exec(lead.url())![1]);
  const verdict = lead.locator('tr[data-label="af_verdict"]');
  await expect(verdict.locator("td").nth(1)).toHaveText("Full");
  await expect(verdict.locator("td").nth(2)).toHaveText("No");
  await expect(lead.getByRole("columnheader", { name: ACCOUNTS.annotator.name })).toBeVisible();
  await expect(lead.getByRole("columnheader", { name: ACCOUNTS.annotator2.name })).toBeVisible();
  await expect(verdict.locator("[data-consensus]")).toContainText("Undecided");
  // By the label's key, not its name: another test may have renamed the label in a newer schema version.
  await verdict.locator("select[name=value]").selectOption("full");
  await verdict.getByRole("button", { name: "Decide" }).click();
  await expect(verdict.locator("[data-consensus]")).toHaveText("Full (Adjudicated by a lead)");
  await expect(verdict.locator("select[name=value]")).toHaveValue("full");

  // The consensus label is what the transcripts table filters on: both items are "full" now (one unanimous, one adjudicated).
  await lead.goto(`/transcripts?q=${team.searchWord}`);
  await expect(lead.getByRole("table").getByRole("row")).toHaveCount(3);
  await lead.getByRole("combobox", { name: "Consensus label" }).selectOption(`af_verdict:full`);
  await expect(lead).toHaveURL(/consensus=af_verdict%3Afull/);
  await expect(lead.getByRole("list", { name: "Consensus label filters" })).toContainText(": Full");
  await expect(lead.getByRole("table").getByRole("row")).toHaveCount(3);
  await lead.goto(`/transcripts?q=${team.searchWord}&consensus=af_verdict:@adjudicated`);
  await expect(lead.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(lead.getByRole("table").getByRole("link", { name: String(decidedId), exact: true })).toBeVisible();
  await lead.goto(`/transcripts?q=${team.searchWord}&consensus=af_verdict:no`);
  await expect(lead.getByRole("table").getByRole("row")).toHaveCount(1);
  // Annotators cannot filter by a consensus (it is everyone's labels).
  expect((await second.goto(`/transcripts?consensus=af_verdict:full`))!.status()).toBe(403);

  // The audit log has the queue, the assignments, the claims and the decision.
  await lead.goto(`/audit?queue=${queueId}`);
  const audit = lead.getByRole("region", { name: "Queues and adjudication" });
  await expect(audit.locator('[data-team-audit="queue_create"]')).toHaveCount(1);
  await expect(audit.locator('[data-team-audit="annotator_add"]')).toHaveCount(2);
  await expect(audit.locator('[data-team-audit="item_claim"]')).toHaveCount(4);
  await lead.goto(`/audit?transcript=${decidedId}`);
  await expect(audit.locator('[data-team-audit="adjudicate"]')).toHaveCount(1);
});
