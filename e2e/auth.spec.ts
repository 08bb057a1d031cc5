import { ACCOUNTS, PASSWORD } from "./accounts";
import { expect, test } from "./fixtures";

const PAGES = ["/", "/transcripts", "/transcripts/1", "/schema", "/schema/1", "/audit", "/admin/users"];

test("without a session, every page is the sign-in page and the API answers 401", async ({ anonymousPage: page, playwright, baseURL }) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Annotation" })).toHaveCount(0);
  }
  for (const cookie of [undefined, "better-auth.session_token=forged.value"]) {
    const api = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: cookie ? { cookie } : {},
    });
    for (const method of ["GET", "PUT", "DELETE"] as const) {
      const response = await api.fetch("/api/transcripts/1/annotation", {
        method,
        data: method === "PUT" ? { expectedVersion: 0, schemaVersion: 1, values: {} } : undefined,
      });
      expect(response.status(), `${method} with ${cookie ?? "no cookie"}`).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthenticated", message: "Sign in first." });
    }
    // A page with a cookie that is no session: still only the sign-in page.
    const pageResponse = await api.get("/transcripts/1", { maxRedirects: 0 });
    expect(pageResponse.status()).toBe(307);
    expect(pageResponse.headers().location).toMatch(/\/sign-in/);
    await api.dispose();
  }
});

test("signing in returns to the page asked for, and signing out ends the session", async ({ anonymousPage: page }) => {
  await page.goto("/transcripts/3");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftranscripts%2F3/);
  await page.getByLabel("Email").fill(ACCOUNTS.annotator2.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Transcript #3" })).toBeVisible();
  await expect(page.getByText(ACCOUNTS.annotator2.name)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/transcripts/3");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-in is rate limited per account", async ({ anonymousPage: page }) => {
  await page.goto("/sign-in");
  const attempt = async () => {
    await page.getByLabel("Email").fill("nobody@demo.test");
    await page.getByLabel("Password").fill("guess-" + Math.random());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  };
  for (let i = 0; i < 5; i++) {
    await attempt();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  }
  await attempt();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
});

test("opened at another host name than the app's address, the sign-in page says where to go, and signing in there works", async ({
  anonymousPage: page,
  baseURL,
}) => {
  // The e2e server's address is Playwright's baseURL, http://127.0.0.1:PORT (BETTER_AUTH_URL, scripts/e2e-server.ts).
  const served = new URL(baseURL!).origin;
  const elsewhere = served.replace("127.0.0.1", "localhost");
  expect(elsewhere).not.toBe(served);
  await page.goto(`${elsewhere}/transcripts/3`);
  await expect(page).toHaveURL(`${elsewhere}/sign-in?next=%2Ftranscripts%2F3`);
  const notice = page.getByTestId("wrong-address");
  await expect(notice).toHaveText(
    `This app is served at ${served}; you opened ${elsewhere}. Open the app there to sign in: ${served}/sign-in`,
  );
  const link = notice.getByRole("link", { name: `${served}/sign-in` });
  await expect(link).toHaveAttribute("href", `${served}/sign-in?next=%2Ftranscripts%2F3`);

  await link.click();
  await expect(page).toHaveURL(`${served}/sign-in?next=%2Ftranscripts%2F3`);
  await expect(page.getByTestId("wrong-address"), "at the app's own address, no notice").toHaveCount(0);
  await page.getByLabel("Email").fill(ACCOUNTS.annotator2.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Transcript #3" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(served);
});
