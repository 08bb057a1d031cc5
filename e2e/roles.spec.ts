import { captureAction, replay } from "./actions";
import { expect, test } from "./fixtures";

test("an annotator sees no link to, and cannot open, user management, schema editing or the audit log", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Transcripts" })).toBeVisible();
  for (const name of ["Users", "Label schema", "Audit log"]) await expect(nav.getByRole("link", { name })).toHaveCount(0);
  for (const path of ["/admin/users", "/schema", "/schema/1", "/audit", "/audit?transcript=1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
});

test("the user-management action refuses an annotator on the server, whatever the UI shows", async ({ pageAs, page }) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/users");
  const form = admin.getByRole("form", { name: "New user" });
  await form.getByLabel("Email").fill("replayed@demo.test");
  await form.getByLabel("Name", { exact: true }).fill("Replayed");
  const request = await captureAction(admin, () => form.getByRole("button", { name: "Create user" }).click());
  await expect(admin.getByRole("status")).toContainText("Created replayed@demo.test");

  await page.goto("/transcripts");
  const answer = await replay(page, request);
  expect(answer).toContain("This needs the admin role.");
  expect(answer).not.toContain("already has an account");
});

test("an admin creates a user who can sign in, and deletes them without deleting their labels", async ({
  pageAs,
  anonymousPage,
  database,
}) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/users");
  const form = admin.getByRole("form", { name: "New user" });
  await form.getByLabel("Email").fill("new.annotator@demo.test");
  await form.getByLabel("Name", { exact: true }).fill("Nia New");
  await form.getByRole("button", { name: "Create user" }).click();
  const shown = admin.getByRole("status");
  await expect(shown).toContainText("Password for new.annotator@demo.test, shown once:");
  const password = (await shown.locator("code").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(20);

  const user = anonymousPage;
  await user.goto("/sign-in?next=/transcripts/5");
  await user.getByLabel("Email").fill("new.annotator@demo.test");
  await user.getByLabel("Password").fill(password);
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByRole("heading", { name: "Transcript #5" })).toBeVisible();
  await user.keyboard.press("u");
  await expect(user.locator("[data-save-status]")).toHaveText(/Saved/);

  admin.on("dialog", (dialog) => dialog.accept());
  const row = admin.getByRole("row").filter({ hasText: "new.annotator@demo.test" });
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(admin.getByRole("status")).toContainText("Deleted");
  await expect(row).toContainText("deleted");

  // Their session is over, they cannot sign in again, and their label is still there.
  await user.reload();
  await expect(user).toHaveURL(/\/sign-in/);
  await user.getByLabel("Email").fill("new.annotator@demo.test");
  await user.getByLabel("Password").fill(password);
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByRole("main").getByRole("alert")).toHaveText(/deactivated|Wrong email or password/);
  const { rows } = await database.query(
    `SELECT a.values FROM annotations a JOIN users u ON u.id = a.annotator_id WHERE u.email = 'new.annotator@demo.test' AND a.transcript_id = 5`,
  );
  expect(rows).toEqual([{ values: { unmonitored_unmasking: true } }]);
});
