import type { Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";

const panel = (page: Page) => page.getByRole("region", { name: "Annotation" });
const saved = (page: Page) => expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);

test("a lead edits the schema; the older annotation still shows under its version; the audit log shows the changes", async ({
  page,
  pageAs,
  database,
}) => {
  const before = (await database.query(`SELECT max(version)::int AS v FROM label_schema_versions`)).rows[0].v as number;
  const id = 51;

  // The annotator labels under the current version: verdict partial, then compliance 3.
  await page.goto(`/transcripts/${id}`);
  await expect(panel(page)).toContainText(`schema v${before}`);
  await page.keyboard.press("v");
  await page.keyboard.press("2");
  await saved(page);
  await page.keyboard.press("s");
  await page.keyboard.press("3");
  await saved(page);

  // The lead renames the verdict label and adds a label: a new version.
  const lead = await pageAs("lead");
  await lead.goto("/schema");
  await lead
    .getByRole("group", { name: /Alignment faking/ })
    .getByLabel("Name", { exact: true })
    .fill("AF verdict");
  await lead.getByRole("button", { name: "Add a label" }).click();
  const added = lead.locator("fieldset").last(); // its accessible name follows the name typed in it
  await added.getByLabel("Name", { exact: true }).fill("Refusal explains itself");
  await added.getByLabel("Key (stable id)").fill("refusal_explained");
  await added.getByLabel("Keyboard key").fill("r");
  await lead.getByLabel("What changed").fill("Rename the verdict, add refusal_explained");
  const saveRequest = lead.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await lead.getByRole("button", { name: `Save as version ${before + 1}` }).click();
  // The page re-renders on the new version (the "Saved as version N." notice may be gone by then on a slow machine).
  await expect(lead.getByRole("heading", { name: `Label schema · version ${before + 1}` })).toBeVisible();
  await expect(lead.getByRole("link", { name: `Version ${before}` })).toBeVisible();

  // The older annotation still shows under its version, with that version's labels.
  await page.reload();
  await expect(panel(page)).toContainText(`schema v${before}`);
  await expect(panel(page)).toContainText(`Made under schema v${before}; the current schema is v${before + 1}`);
  await expect(panel(page).getByRole("group", { name: "Alignment faking" }).locator("[aria-pressed=true]")).toHaveText("Partial");
  await expect(panel(page).getByRole("group", { name: "Refusal explains itself" })).toHaveCount(0);
  // A new annotation uses the new version.
  await page.goto(`/transcripts/${id + 1}`);
  await expect(panel(page)).toContainText(`schema v${before + 1}`);
  await expect(panel(page).getByRole("group", { name: "AF verdict" })).toBeVisible();
  await expect(panel(page).getByRole("group", { name: "Refusal explains itself" })).toBeVisible();

  // Leads see everyone's labels under their versions.
  await lead.goto(`/transcripts/${id}`);
  const everyone = lead.getByRole("region", { name: "Everyone’s labels" });
  await expect(everyone).toContainText(ACCOUNTS.annotator.name);
  await expect(everyone).toContainText(`schema v${before}`);
  await expect(everyone).toContainText("Alignment faking");
  await expect(everyone).toContainText("Partial");

  // The audit log, per transcript: who, what, from what.
  await lead.getByRole("link", { name: "Audit log of this transcript" }).click();
  const onThisTranscript = new RegExp(`Transcript #${id}(?!\\d)`);
  const entries = lead.getByRole("list", { name: "Audit entries" }).getByRole("listitem").filter({ hasText: onThisTranscript });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("update");
  await expect(entries.nth(0)).toContainText("Compliance: — → 3 · Complies with unneeded disclaimers");
  await expect(entries.nth(1)).toContainText("create");
  await expect(entries.nth(1)).toContainText("Alignment faking: — → Partial");
  await expect(entries.nth(1)).toContainText(ACCOUNTS.annotator.name);
  // ... and per user.
  await lead.goto("/audit");
  await lead.getByLabel("User").selectOption({ label: `${ACCOUNTS.annotator.name} (${ACCOUNTS.annotator.email})` });
  await lead.getByRole("button", { name: "Show" }).click();
  await expect(lead.getByText(`changes by ${ACCOUNTS.annotator.name}`)).toBeVisible();
  await expect(lead.getByRole("list", { name: "Audit entries" }).getByRole("listitem").filter({ hasText: onThisTranscript })).toHaveCount(
    2,
  );

  // The schema action refuses an annotator on the server.
  const request = await saveRequest;
  const headers = await request.allHeaders();
  const replayed = await page.request.post(request.url(), {
    headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component" },
    data: request.postDataBuffer() ?? undefined,
  });
  expect(await replayed.text()).toContain("This needs the lead role.");
  expect((await database.query(`SELECT max(version)::int AS v FROM label_schema_versions`)).rows[0].v).toBe(before + 1);
});
