import { captureActionAnswer, replay, replayResponse } from "./actions";
import { expect, test } from "./fixtures";

/**
 * Provider keys are the admin's (issue 15 item 2): an admin sets a key on
 * /admin/keys and sees its name as set, encrypted; the value is in no page
 * HTML, no action answer and not in the database in clear; a lead and an
 * annotator get 403 for the page and "needs the admin role" for the action
 * replayed with their session; without a session the page is the sign-in.
 */
test("an admin saves a provider key: its name shows as set (stored encrypted), its value never comes back", async ({
  pageAs,
  page,
  anonymousPage,
  database,
}) => {
  const name = `E2E_KEY_${Date.now()}`;
  const value = `sk-e2e-${Math.random().toString(36).slice(2)}${Date.now()}`;
  const admin = await pageAs("admin");
  await admin.goto("/admin/keys");
  const form = admin.getByRole("form", { name: "Set a provider key" });

  // A bad name is said beside its field, and nothing is stored.
  await form.getByLabel("Key name").fill("not a name");
  await form.getByLabel("Key value").fill(value);
  await form.getByRole("button", { name: "Save key" }).click();
  await expect(form.getByLabel("Key name")).toHaveAccessibleDescription(/a key name is 1–64 of A–Z, 0–9 and _/);
  await expect(admin.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
  expect(await admin.locator("body").innerText(), "the refusal does not repeat the value").not.toContain(value);

  await form.getByLabel("Key name").fill(name);
  await form.getByLabel("Key value").fill(value);
  const { request: saving, answer: answered } = await captureActionAnswer(admin, () =>
    form.getByRole("button", { name: "Save key" }).click(),
  );
  await expect(admin.getByRole("status")).toHaveText(`Key ${name} saved (stored encrypted).`);
  const row = admin.locator(`tr[data-key-name="${name}"]`);
  await expect(row).toContainText("set (stored encrypted)");
  await expect(form.getByLabel("Key value")).toHaveValue("");

  const answer = await answered;
  expect(answer).toContain(name);
  expect(answer, "the action's answer").not.toContain(value);
  const html = await (await admin.request.get("/admin/keys")).text();
  expect(html).toContain(name);
  expect(html, "the page's HTML").not.toContain(value);
  const stored = await database.query<{ ciphertext: string }>(`SELECT ciphertext FROM provider_secrets WHERE name = $1`, [name]);
  expect(stored.rows[0].ciphertext).toMatch(/^v1\./);
  expect(stored.rows[0].ciphertext).not.toContain(value);

  // The same action from a lead's and an annotator's session is refused, and stores nothing.
  const lead = await pageAs("lead");
  await lead.goto("/judges");
  await page.goto("/transcripts");
  for (const client of [lead, page]) expect(await replay(client, saving)).toContain("This needs the admin role.");
  // Without a session the request never reaches the action: proxy.ts sends it to sign in.
  await anonymousPage.goto("/sign-in");
  const signedOut = await replayResponse(anonymousPage, saving);
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toMatch(/\/sign-in/);
  const after = await database.query<{ ciphertext: string }>(`SELECT ciphertext FROM provider_secrets WHERE name = $1`, [name]);
  expect(after.rows[0].ciphertext, "the refused replays changed nothing").toBe(stored.rows[0].ciphertext);

  // Deleting it: the row goes.
  admin.on("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(admin.getByRole("status")).toHaveText(`Key ${name} deleted.`);
  await expect(row).toHaveCount(0);
  expect((await database.query(`SELECT 1 FROM provider_secrets WHERE name = $1`, [name])).rowCount).toBe(0);
});

test("a lead and an annotator are refused the provider-keys page and see no link to it; without a session it is the sign-in", async ({
  pageAs,
  page,
  anonymousPage,
}) => {
  for (const client of [await pageAs("lead"), page]) {
    await client.goto("/");
    await expect(client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Provider keys" })).toHaveCount(0);
    const response = await client.goto("/admin/keys");
    expect(response?.status()).toBe(403);
    await expect(client.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  await anonymousPage.goto("/admin/keys");
  await expect(anonymousPage).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fkeys/);
});
