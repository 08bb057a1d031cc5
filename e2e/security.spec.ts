import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD, storageStateOf } from "./accounts";
import { captureAction, replay, replayResponse } from "./actions";
import { expect, test } from "./fixtures";

/**
 * The findings of issue 13 replayed against the production build: another
 * annotator's vote through the consensus (1), a blind item labelled outside
 * its queue (2), an open redirect after sign-in (3), a cross-site request from
 * another port (4), security headers, the CSP and framing (5), a lockout from
 * outside (7), `by=` as an annotator (8); and the charts' PNG and SVG downloads
 * under the CSP. Every test here also fails on any CSP violation
 * (e2e/fixtures.ts).
 */
const appOrigin = () => new URL(test.info().project.use.baseURL!).origin;
/**
 * A page on another port of this host, served for real (Chromium keeps a page it cannot place on the network
 * from reaching a local address at all, which would prove nothing): same site as the app, so SameSite=Lax
 * cookies go along, but another origin.
 */
async function serve(html: string): Promise<{ url: string; origin: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("a page, an API answer and a download carry the security headers; the page's scripts run by its nonce only", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  const response = (await lead.goto("/transcripts"))!;
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
  // Next put the nonce on its own scripts, and the page works (it rendered its table).
  const scripts = await lead.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  await expect(lead.getByRole("table")).toBeVisible();
  // A new nonce for every response.
  const again = (await lead.reload())!.headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  for (const path of ["/api/v1/openapi.json", "/api/transcripts/1/annotation", "/analytics/variations.csv?setting=helpful-only"]) {
    const answer = await lead.request.get(path);
    expect(answer.status(), path).toBeLessThan(500);
    expect(answer.headers()["content-security-policy"], path).toContain("default-src 'none'");
    expect(answer.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(answer.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(answer.headers()["referrer-policy"], path).toBe("same-origin");
  }
  const script = await lead.locator("script[src]").first().getAttribute("src");
  expect((await lead.request.get(script!)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("no other site can frame the app", async ({ anonymousPage: page, cspViolations }) => {
  const framer = await serve(`<iframe id="app" src="${appOrigin()}/sign-in" width="600" height="400"></iframe>`);
  try {
    await page.goto(framer.url); // waits for the frame's load too, refused or not
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    // Framed, the sign-in page would show its form inside the frame; refused, the frame holds the browser's error page.
    expect(frame.url()).not.toContain("/sign-in");
    await expect(page.frameLocator("#app").getByRole("heading", { name: "Sign in" })).toHaveCount(0);
  } finally {
    await framer.close();
  }
  // The refusal is logged as the one violation this test expects: the app's own pages caused none.
  expect(cspViolations.every((message) => /frame-ancestors/.test(message))).toBe(true);
  cspViolations.length = 0;
});

test("an annotator's API answer carries no one else's vote, through the consensus or otherwise (finding 1)", async ({
  pageAs,
  database,
}) => {
  // A transcript nobody has labelled yet (other tests label some of the first ones).
  const { rows } = await database.query<{ id: number }>(
    `SELECT id FROM transcripts t WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id) ORDER BY id LIMIT 1 OFFSET 40`,
  );
  const id = rows[0].id;
  const first = await pageAs("annotator");
  const version = (await database.query<{ v: number }>(`SELECT max(version)::int AS v FROM label_schema_versions`)).rows[0].v;
  const saved = await first.request.put(`/api/transcripts/${id}/annotation`, {
    headers: { origin: appOrigin() },
    data: { expectedVersion: 0, schemaVersion: version, values: { af_verdict: "full" }, note: "finding-1-private-note", submit: true },
  });
  expect(saved.status()).toBe(200);

  const second = await pageAs("annotator2");
  const body = await (await second.request.get(`/api/v1/transcripts/${id}`)).json();
  expect(body.annotations).toEqual([]);
  for (const field of ["consensus", "consensus_label", "consensus_method", "agreement"]) expect(body, field).not.toHaveProperty(field);
  expect(JSON.stringify(body)).not.toContain("finding-1-private-note");
  // A lead sees it.
  const lead = await pageAs("lead");
  expect((await (await lead.request.get(`/api/v1/transcripts/${id}`)).json()).consensus.af_verdict).toMatchObject({ value: "full" });
});

test("an item of an open blind queue cannot be labelled outside the queue, and answers as a missing transcript (finding 2)", async ({
  pageAs,
  database,
}) => {
  // The lead makes a blind queue of the markup probe's pair for the second annotator.
  const lead = await pageAs("lead");
  await lead.goto(`/queues/new?q=xssprobe`);
  await lead.getByLabel("Name", { exact: true }).fill(`Finding 2 ${Date.now()}`);
  await lead.getByLabel("How many").fill("2");
  await lead.getByLabel("Which").selectOption("first");
  await lead.getByRole("checkbox", { name: new RegExp(ACCOUNTS.annotator2.name) }).check();
  await lead.getByRole("button", { name: "Create queue" }).click();
  await expect(lead).toHaveURL(/\/queues\/\d+$/);
  const queueId = Number(/\/queues\/(\d+)/.exec(lead.url())![1]);
  const { rows } = await database.query<{ transcript_id: number }>(
    `SELECT transcript_id FROM label_queue_items WHERE queue_id = $1 LIMIT 1`,
    [queueId],
  );
  const held = rows[0].transcript_id;
  const version = (await database.query<{ v: number }>(`SELECT max(version)::int AS v FROM label_schema_versions`)).rows[0].v;

  const second = await pageAs("annotator2");
  const put = (id: number) =>
    second.request.put(`/api/transcripts/${id}/annotation`, {
      headers: { origin: appOrigin() },
      data: { expectedVersion: 0, schemaVersion: version, values: { af_verdict: "no" }, submit: true },
    });
  const [heldAnswer, missingAnswer] = [await put(held), await put(2_147_483_000)];
  expect([heldAnswer.status(), missingAnswer.status()]).toEqual([404, 404]);
  expect(await heldAnswer.json()).toEqual({ error: "not_found", message: `There is no transcript ${held}.` });
  const votes = await database.query(
    `SELECT 1 FROM annotations a JOIN users u ON u.id = a.annotator_id WHERE a.transcript_id = $1 AND u.email = $2`,
    [held, ACCOUNTS.annotator2.email],
  );
  expect(votes.rowCount).toBe(0);

  // Closed, the queue holds nothing back any more (and hands out nothing to later tests).
  await lead.goto(`/queues/${queueId}`);
  await lead.getByRole("checkbox", { name: /Closed/ }).check();
  await lead.getByRole("button", { name: "Save settings" }).click();
  await expect(lead.getByText("Saved.")).toBeVisible();
});

test("signing in with a next= that a browser would read as another site stays on the app (finding 3)", async ({ anonymousPage: page }) => {
  await page.goto("/sign-in?next=%2F%09%2Fevil.example%2Fz");
  await page.getByLabel("Email").fill(ACCOUNTS.annotator.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(appOrigin());
});

test("a page on another port cannot start an import or upload with the lead's session (finding 4)", async ({ pageAs, database }) => {
  const lead = await pageAs("lead");
  await lead.goto("/imports");
  const count = async () => (await database.query(`SELECT count(*)::int AS n FROM imports`)).rows[0].n as number;
  const before = await count();
  // The page of the finding, on another port of this host: same site, so the lead's cookies go along.
  const attacker = await serve(`<script>
    fetch(${JSON.stringify(appOrigin())} + "/api/v1/imports?file_name=x.jsonl", {
      method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: '{"messages": []}',
    }).then(() => (document.title = "sent"), () => (document.title = "failed"));
  </script>`);
  try {
    await lead.goto(attacker.url);
    await expect(lead).toHaveTitle("sent");
  } finally {
    await attacker.close();
  }
  expect(await count()).toBe(before);
  // What it sent, as the server saw it: refused before anything was read or written.
  const forged = { origin: attacker.origin, "sec-fetch-site": "same-site", "content-type": "text/plain" };
  for (const path of ["/api/v1/imports?file_name=x.jsonl", "/api/imports/uploads"]) {
    const answer = await lead.request.post(path, { headers: forged, data: '{"messages": []}' });
    expect(answer.status(), path).toBe(403);
    expect(await answer.json(), path).toMatchObject({ error: "cross_origin" });
  }
  expect(await count()).toBe(before);
  // The app's own page, same session: accepted (an upload, which starts nothing by itself).
  const own = await lead.request.post("/api/imports/uploads", {
    headers: { origin: appOrigin(), "content-type": "application/octet-stream", "x-file-name": "x.jsonl" },
    data: "{}",
  });
  expect(own.status()).toBe(201);
});

test("an annotator naming someone else's labels in the table's URL is refused, not ignored (finding 8)", async ({ page, database }) => {
  const { rows } = await database.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.annotator2.email]);
  const response = await page.goto(`/transcripts?by=${rows[0].id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("the charts' PNG and SVG downloads work under the CSP", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  await lead.goto("/analytics");
  await expect(lead.locator(".recharts-surface").first()).toBeVisible();
  for (const [button, magic] of [
    ["PNG", "\x89PNG"],
    ["SVG", "<svg"],
  ] as const) {
    const download = lead.waitForEvent("download");
    await lead.getByRole("button", { name: button, exact: true }).first().click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("latin1").startsWith(magic), button).toBe(true);
  }
});

test.describe("sign-in throttling an outsider cannot turn into a lockout (finding 7)", () => {
  const signIn = async (page: Page, password: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ACCOUNTS.annotator2.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };

  test("an outsider's wrong passwords lock their own browser out, not the owner's; an admin clears the lock", async ({
    browser,
    anonymousPage: outsider,
    pageAs,
    cspViolations,
  }) => {
    for (let i = 0; i < 5; i++) {
      await signIn(outsider, `guess-${i}`);
      await expect(outsider.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    }
    await signIn(outsider, PASSWORD);
    await expect(outsider.getByRole("main").getByRole("alert")).toHaveText(/Too many sign-in attempts\. Try again in \d+ minutes?\./);

    // The owner's browser signed in before (e2e/auth.setup.ts): it holds the account's device cookie.
    const stored = JSON.parse(await (await import("node:fs/promises")).readFile(storageStateOf("annotator2"), "utf8"));
    const owner = await browser.newContext({
      storageState: { ...stored, cookies: stored.cookies.filter((cookie: { name: string }) => cookie.name === "af_device") },
    });
    owner.on("console", (message) => /Content Security Policy/i.test(message.text()) && cspViolations.push(message.text()));
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, PASSWORD);
    await expect(ownerPage.getByRole("button", { name: "Sign out" })).toBeVisible();
    await owner.close();

    // The admin sees the lock, and lifts it.
    const admin = await pageAs("admin");
    await admin.goto("/admin/users");
    const locks = admin.getByRole("region", { name: "Sign-in locks" });
    const row = locks.getByRole("row").filter({ hasText: ACCOUNTS.annotator2.email }).first();
    await expect(row).toBeVisible();
    const clearing = await captureAction(admin, () => row.getByRole("button", { name: "Clear" }).click());
    await expect(locks.getByRole("status")).toContainText("Lock cleared");
    // The same action sent by an annotator or without a session is refused on the server.
    expect(await replay(await pageAs("annotator"), clearing)).toContain("This needs the admin role.");
    // Without a session the request never reaches the action: proxy.ts sends it to sign in.
    const signedOut = await replayResponse(outsider, clearing);
    expect(signedOut.status()).toBe(307);
    expect(signedOut.headers().location).toMatch(/\/sign-in/);
    await signIn(outsider, PASSWORD);
    await expect(outsider.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
