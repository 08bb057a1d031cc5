import { readFileSync } from "node:fs";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { storageStateOf, type AccountName } from "./accounts";
import { E2E_DATABASE_URL_FILE } from "./database-url";

/**
 * Pages signed in as a given role (the default `page` is the first
 * annotator's), a page with no session, and the e2e database (to check what
 * was stored, never to arrange it). Every test runs under the app's content
 * security policy and fails if the browser refused anything by it
 * (`cspViolations`, automatic): a chart, a download or a script the policy
 * breaks cannot pass unnoticed.
 */
function watch(context: BrowserContext, violations: string[]) {
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
  });
  context.on("page", pressOnlyWhenListening);
  return context;
}

/**
 * Waits until the page listens for the keys of `scopes` (lib/keys/listening.ts):
 * a key pressed while React is still hydrating is lost, and a busy machine
 * hydrates late.
 */
export async function keysReady(page: Page, ...scopes: string[]) {
  for (const scope of ["global", ...scopes]) await expect(page.locator(`html[data-keys~="${scope}"]`)).toBeAttached();
}

/** Every key a test presses waits for the page's global keys first (its own scopes hydrate with it, or see keysReady). */
const patched = new WeakSet<Page>();
function pressOnlyWhenListening(page: Page) {
  if (patched.has(page)) return;
  patched.add(page);
  const press = page.keyboard.press.bind(page.keyboard);
  page.keyboard.press = async (key, options) => {
    await keysReady(page);
    return press(key, options);
  };
}

export const test = base.extend<{
  pageAs: (account: AccountName) => Promise<Page>;
  anonymousPage: Page;
  database: pg.Client;
  cspViolations: string[];
}>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      watch(context, violations);
      await use(violations);
      expect(violations, "the browser refused something by the content security policy").toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    pressOnlyWhenListening(page);
    await use(page);
  },
  pageAs: async ({ browser, cspViolations }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (account) => {
      const context = watch(await browser.newContext({ storageState: storageStateOf(account) }), cspViolations);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  anonymousPage: async ({ browser, cspViolations }, use) => {
    const context = watch(await browser.newContext({ storageState: { cookies: [], origins: [] } }), cspViolations);
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
