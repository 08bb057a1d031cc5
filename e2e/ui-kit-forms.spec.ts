import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";
import { expectInlineError } from "./page-checks";

/**
 * The lead's queue settings and the label schema editor (issue 16): a bad value
 * comes back with its field named and the message shows beside that field,
 * reached from the control by aria-describedby (aria-invalid set), never as one
 * banner; nothing is stored. Each test arranges its own queue through the UI.
 */

/** axe on the page as it stands (its errors showing): no serious or critical violation. */
async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(found.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A queue of one transcript with two annotators per item, for both demo annotators. */
async function makeQueue(lead: Page, name: string): Promise<number> {
  await lead.goto("/queues/new");
  await lead.getByLabel("Name", { exact: true }).fill(name);
  // Transcripts no one has labelled: an annotator is never handed one they labelled in an earlier spec.
  await lead.getByLabel("Transcripts-table filter", { exact: false }).fill("status=unlabelled");
  await lead.getByLabel("How many").fill("1");
  await lead.getByLabel("Annotators per item").fill("2");
  await lead.getByRole("checkbox", { name: new RegExp(ACCOUNTS.annotator.name) }).check();
  await lead.getByRole("checkbox", { name: new RegExp(ACCOUNTS.annotator2.name) }).check();
  await lead.getByRole("button", { name: "Create queue" }).click();
  await expect(lead.getByRole("heading", { name })).toBeVisible();
  return Number(/\/queues\/(\d+)/.exec(lead.url())![1]);
}

/** A refusal is said once, beside its field; the button's status only says nothing was saved and where to look. */
async function expectSaidOnce(page: Page, form: import("@playwright/test").Locator, message: string) {
  await expect(form.getByRole("alert")).toHaveText("Not saved — see the marked field.");
  await expect(page.getByText(message, { exact: false }), `"${message}" once on the page`).toHaveCount(1);
  expect((await page.locator("body").innerText()).split(message).length - 1, `"${message}" once in the page's text`).toBe(1);
}

const perItemOf = async (database: import("pg").Client, queueId: number) =>
  (await database.query<{ n: number }>(`SELECT annotators_per_item AS n FROM label_queues WHERE id = $1`, [queueId])).rows[0].n;

test("the queue settings say a bad number of annotators per item beside the field, and store nothing", async ({
  pageAs,
  database,
}, testInfo) => {
  test.setTimeout(120_000);
  const lead = await pageAs("lead");
  const queueId = await makeQueue(lead, `Settings errors ${Date.now()}`);
  const perItem = lead.getByLabel("Annotators per item");
  const settings = lead.locator("form").filter({ has: perItem });

  // Refused by the server's schema: the browser's own min/max check is lifted, as a client that skips it would.
  await settings.evaluate((form) => form.setAttribute("novalidate", ""));
  await perItem.fill("0");
  await lead.getByRole("button", { name: "Save settings" }).click();
  await expectInlineError(lead, perItem, /At least 1 annotator per item\./);
  await expectSaidOnce(lead, settings, "At least 1 annotator per item.");
  await expect(perItem, "what was typed stays, beside its error").toHaveValue("0");
  expect(await perItemOf(database, queueId)).toBe(2);

  // Refused by what is stored: both annotators hold the one item, so fewer than two per item cannot be.
  for (const account of ["annotator", "annotator2"] as const) {
    const annotator = await pageAs(account);
    await annotator.goto(`/queues/${queueId}/next`);
    await expect(annotator).toHaveURL(new RegExp(`/queues/${queueId}/items/\\d+`));
  }
  await perItem.fill("1");
  await lead.getByRole("button", { name: "Save settings" }).click();
  await expectInlineError(lead, perItem, /Some items already have 2 annotators; choose at least that many\./);
  await expectSaidOnce(lead, settings, "Some items already have 2 annotators; choose at least that many.");
  await expect(perItem).toHaveValue("1");
  expect(await perItemOf(database, queueId)).toBe(2);
  await expectAxeClean(lead);
  await settings.screenshot({ path: testInfo.outputPath("queue-settings-error.png") });

  // A good value: saved, confirmed, and the error is gone.
  await perItem.fill("3");
  await lead.getByRole("button", { name: "Save settings" }).click();
  await expect(lead.getByTestId("toast")).toContainText("Saved.");
  await expect(perItem).not.toHaveAttribute("aria-invalid", "true");
  await expect(settings.locator("[data-field-error]")).toHaveCount(0);
  expect(await perItemOf(database, queueId)).toBe(3);

  // A refusal no field shows (the queue is gone, as for a tab left open after it was deleted): its message goes beside the button.
  const missing = 2_000_000_000;
  await settings.locator('input[name="queueId"]').evaluate((input, id) => ((input as HTMLInputElement).value = String(id)), missing);
  await lead.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("alert")).toHaveText(`There is no queue ${missing}.`);
  expect((await lead.locator("body").innerText()).split(`There is no queue ${missing}.`).length - 1).toBe(1);
  await expect(settings.locator("[data-field-error]")).toHaveCount(0);
});

test("the schema editor says each bad value beside its field, and saves no version while any is there", async ({
  pageAs,
  database,
}, testInfo) => {
  const latest = async () => (await database.query<{ v: number }>(`SELECT max(version)::int AS v FROM label_schema_versions`)).rows[0].v;
  const lead = await pageAs("lead");
  await lead.goto("/schema");
  const version = Number(/version (\d+)/.exec((await lead.getByRole("heading", { level: 1 }).textContent()) ?? "")![1]);
  await lead.getByRole("button", { name: "Add a label" }).click();
  const added = lead.locator("fieldset[aria-label^='Label']").last();
  const name = added.getByLabel("Name", { exact: true });
  const key = added.getByLabel("Key (stable id)");
  const hotkey = added.getByLabel("Keyboard key");

  // A blank name, a key that is no identifier, a letter already taken by the first label.
  const firstHotkey = await lead.locator("fieldset[aria-label^='Label']").first().getByLabel("Keyboard key").inputValue();
  await name.fill("   ");
  await key.fill("Not a key");
  await hotkey.fill(firstHotkey);
  await expectInlineError(lead, name, /Name the label\./);
  await expectInlineError(lead, key, /Use lower-case letters, digits and _/);
  await expectInlineError(lead, hotkey, /is already the keyboard key of/);
  // The fields without fault say nothing; the label's own fieldset is marked.
  await expect(added.getByLabel("Description (shown to annotators)")).not.toHaveAttribute("aria-invalid", "true");
  await expect(added).toHaveAttribute("aria-invalid", "true");
  const save = lead.getByRole("button", { name: `Save as version ${version + 1}` });
  await expect(save).toBeDisabled();
  expect(await latest()).toBe(version);
  await expectAxeClean(lead);
  await added.screenshot({ path: testInfo.outputPath("schema-editor-errors.png") });

  // Fixing one field clears its error alone.
  await name.fill("Cites the training objective");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await expect(added.locator("[data-field-error]")).toHaveCount(2);

  // Removing the label leaves the schema as it was: nothing to save, nothing saved.
  await added.getByRole("button", { name: "Remove label" }).click();
  await expect(lead.locator("[data-field-error]")).toHaveCount(0);
  await expect(save).toBeDisabled();
  expect(await latest()).toBe(version);
});

test("the schema editor shows the server's refusal beside the field the server names", async ({ pageAs, database }) => {
  const latest = async () => (await database.query<{ v: number }>(`SELECT max(version)::int AS v FROM label_schema_versions`)).rows[0].v;
  const lead = await pageAs("lead");
  await lead.goto("/schema");
  const version = Number(/version (\d+)/.exec((await lead.getByRole("heading", { level: 1 }).textContent()) ?? "")![1]);
  const first = lead.locator("fieldset[aria-label^='Label']").first();
  const description = first.getByLabel("Description (shown to annotators)");
  await description.fill(`${await description.inputValue()} (edited)`);

  // The browser's check passes; on the way, the first label's name is blanked, as a client that skips the check would send it.
  await lead.route("**/schema", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const body = JSON.parse(request.postData() ?? "[]") as [{ labels: { name: string }[] }];
    body[0].labels[0].name = " ";
    await route.continue({ postData: JSON.stringify(body) });
  });
  await lead.getByRole("button", { name: `Save as version ${version + 1}` }).click();
  await expectInlineError(lead, first.getByLabel("Name", { exact: true }), /Name the label\./);
  await expect(lead.getByRole("alert").filter({ hasText: "Label 1 (name)" })).toHaveText("Label 1 (name): Name the label.");
  expect(await latest()).toBe(version);
  // The next edit clears the server's word (the browser checks again).
  await description.fill("Changed again");
  await expect(first.locator("[data-field-error]")).toHaveCount(0);
});
