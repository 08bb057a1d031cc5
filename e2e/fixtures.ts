import { readFileSync } from "node:fs";
import { test as base, type Page } from "@playwright/test";
import pg from "pg";
import { storageStateOf, type AccountName } from "./accounts";
import { E2E_DATABASE_URL_FILE } from "./database-url";

/**
 * Pages signed in as a given role (the default `page` is the first
 * annotator's), a page with no session, and the e2e database (to check what
 * was stored, never to arrange it).
 */
export const test = base.extend<{ pageAs: (account: AccountName) => Promise<Page>; anonymousPage: Page; database: pg.Client }>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (account) => {
      const context = await browser.newContext({ storageState: storageStateOf(account) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  anonymousPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await use(await context.newPage());
    await context.close();
  },
  database: async ({}, use) => {
    const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim() });
    await client.connect();
    await use(client);
    await client.end();
  },
});

export { expect } from "@playwright/test";
