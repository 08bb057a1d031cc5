import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Imported labels beside the text anchor an annotator's judgement (issue 16 item 7,
 * issue 15 item 7): while labelling they are hidden by default for annotators,
 * in the HTML (and the RSC payload inside it) and in the API's answers, not
 * just visually; a personal toggle shows them again, and leads see them by
 * default. The demo corpus gives every transcript two labels from the source
 * "demo generator".
 */
const SOURCE = "demo generator";

/** The raw answer to a GET with the page's session: the server's HTML with its RSC payload, or the API's JSON. */
async function rawBody(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

async function choose(page: Page, option: RegExp) {
  await page.goto("/settings/labelling");
  await page.getByRole("radio", { name: option }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toBeVisible();
}

test("an annotator labels without imported labels in sight until they ask for them; a lead sees them", async ({
  page,
  pageAs,
  database,
}) => {
  const { rows } = await database.query(
    `SELECT t.id, t.pair_id FROM transcripts t JOIN source_labels s ON s.transcript_id = t.id WHERE s.source = $1 ORDER BY t.id LIMIT 1`,
    [SOURCE],
  );
  const { id, pair_id: pairId } = rows[0];
  const paths = [`/transcripts?size=25`, `/pairs/${pairId}`, `/api/v1/transcripts/${id}`, `/api/v1/transcripts?size=25`];

  // The annotator (the default page): nothing of the imported labels reaches the browser, and the pages say why.
  for (const path of paths) expect(await rawBody(page, path), path).not.toContain(SOURCE);
  expect(JSON.parse(await rawBody(page, `/api/v1/transcripts/${id}`)).imported_labels).toBeNull();
  await page.goto(`/pairs/${pairId}`);
  await expect(page.getByRole("region", { name: "Source labels" }).first()).toContainText("hidden while you label");
  await page.goto("/transcripts");
  await expect(page.getByTestId("suggestions-hidden")).toBeVisible();
  // A filter on them would show them: refused with the reason, not ignored.
  const filtered = await page.goto(`/transcripts?label=${encodeURIComponent(`${SOURCE}|complied|true`)}`);
  expect(filtered?.status()).toBe(403);
  const refused = await page.request.get(`/api/v1/transcripts?label=${encodeURIComponent(`${SOURCE}|complied|true`)}`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toContain("Imported labels are hidden while you label");

  // A lead sees them by default.
  const lead = await pageAs("lead");
  for (const path of paths) expect(await rawBody(lead, path), path).toContain(SOURCE);
  await lead.goto(`/pairs/${pairId}`);
  await expect(lead.getByRole("region", { name: "Source labels" }).first()).toContainText(SOURCE);

  // The annotator turns hiding off: the labels are back; their own setting only (another annotator still has them hidden).
  await choose(page, /^Show them/);
  await page.goto(`/pairs/${pairId}`);
  await expect(page.getByRole("region", { name: "Source labels" }).first()).toContainText(SOURCE);
  expect(JSON.parse(await rawBody(page, `/api/v1/transcripts/${id}`)).imported_labels).toContainEqual(
    expect.objectContaining({ source: SOURCE }),
  );
  const other = await pageAs("annotator2");
  expect(await rawBody(other, `/pairs/${pairId}`)).not.toContain(SOURCE);

  // Back to the default for the tests that follow.
  await choose(page, /role's default/);
  expect(await rawBody(page, `/pairs/${pairId}`)).not.toContain(SOURCE);
});
