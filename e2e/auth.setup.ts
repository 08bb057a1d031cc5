import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, PASSWORD, storageStateOf, type AccountName } from "./accounts";

for (const account of Object.keys(ACCOUNTS) as AccountName[]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ACCOUNTS[account].email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(account) });
  });
}
