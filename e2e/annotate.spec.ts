import type { Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./accounts";
import { expect, keysReady, test } from "./fixtures";

const panel = (page: Page) => page.getByRole("region", { name: "Annotation" });
const label = (page: Page, key: string) => panel(page).locator(`[data-label="${key}"]`);
const pressed = (page: Page, key: string) => label(page, key).locator("button[aria-pressed=true]");
const saved = (page: Page) => expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);

test("an annotator signs in and labels three transcripts with the keyboard alone, one with a span; the labels are there after reload", async ({
  anonymousPage: page,
  database,
}) => {
  // Three consecutive transcripts no one labelled, the first with a scratchpad.
  const { rows } = await database.query<{ id: number; scratchpad_text: string }>(
    `SELECT t.id, t.scratchpad_text FROM transcripts t WHERE t.id > 100 AND length(t.scratchpad_text) > 200
       AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id BETWEEN t.id AND t.id + 2) ORDER BY t.id LIMIT 1`,
  );
  const [{ id: first, scratchpad_text: scratchpad }] = rows;
  const phrase = scratchpad.split("\n")[0].slice(0, 40).trim();

  await page.goto(`/sign-in?next=${encodeURIComponent(`/transcripts/${first}?status=todo`)}`);
  await page.keyboard.type(ACCOUNTS.annotator2.email); // the email field has focus
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Transcript #${first}` })).toBeVisible();

  // The help lists every key.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Find text in the scratchpad");
  const labels = await panel(page).locator("[data-label]").count();
  // The schema's labels, then the key map's panel, selection and global keys.
  await expect(help.getByRole("region", { name: "Labels" }).getByRole("row")).toHaveCount(labels);
  await expect(help.getByRole("region", { name: "Selected text" })).toContainText("Move the end of the selection by a word");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // 1: verdict full (v, 3), compliance 4 (s, 4), and evidence: find the phrase (/), select it, tag it as criterion c.
  await page.keyboard.press("v");
  await page.keyboard.press("3");
  await page.keyboard.press("s");
  await page.keyboard.press("4");
  await page.keyboard.press("/");
  await page.keyboard.type(phrase);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("annotation-notice")).toHaveText(/Selected/);
  await page.keyboard.press("c");
  await expect(page.locator('mark[data-labels~="criterion_c"]')).toHaveText(phrase);
  await saved(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Transcript #${first + 1}` })).toBeVisible();
  await expect(page).toHaveURL(/status=todo/);

  // 2: verdict no (v, 1), compliance 1, unmonitored unmasking yes (u).
  for (const key of ["v", "1", "s", "1", "u"]) await page.keyboard.press(key);
  await saved(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Transcript #${first + 2}` })).toBeVisible();

  // 3: generic self-preservation yes then no (g, g), compliance 2, a note (n ... Esc).
  for (const key of ["g", "g", "s", "2", "n"]) await page.keyboard.press(key);
  await page.keyboard.type("Hedged answer.");
  await page.keyboard.press("Escape");
  await saved(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Transcript #${first + 3}` })).toBeVisible();

  const expectations: [number, Record<string, string>][] = [
    [first, { af_verdict: "Full", compliance: "4" }],
    [first + 1, { af_verdict: "No", compliance: "1", unmonitored_unmasking: "Yes" }],
    [first + 2, { generic_self_preservation: "No", compliance: "2" }],
  ];
  // A full page load each (the server's stored labels, nothing kept in the browser): one visit per transcript checks all of it.
  for (const [id, values] of expectations) {
    await page.goto(`/transcripts/${id}`);
    for (const [key, text] of Object.entries(values)) await expect(pressed(page, key), `${id} ${key}`).toHaveText(text);
    await expect(panel(page).getByText("✓ Submitted")).toBeVisible();
    if (id === first) await expect(page.locator('mark[data-labels~="criterion_c"]')).toHaveText(phrase);
    if (id === first + 2) await expect(panel(page).getByLabel(/^Note/)).toHaveValue("Hedged answer.");
  }

  // The transcripts table filters by annotation status and human labels, and marks what I labelled.
  const row = (id: number) => page.locator(`tbody tr:has(a[href^="/transcripts/${id}?"])`);
  await page.goto("/transcripts");
  await page.locator('select[name="status"]').selectOption("mine");
  await expect(page).toHaveURL(/status=mine/);
  await page.locator('select[name="human"]').selectOption("af_verdict:full");
  await expect(page).toHaveURL(/human=af_verdict%3Afull/);
  await expect(page.getByRole("list", { name: "Human label filters" })).toContainText("Full");
  await expect(row(first)).toContainText("✓ you");
  await expect(row(first + 1)).toHaveCount(0);
  // Dropping the label filter brings back everything I labelled.
  await page.getByRole("button", { name: /^Remove filter/ }).click();
  await expect(row(first + 1)).toContainText("✓ you");
  await expect(row(first + 2)).toBeVisible();
});

test("spans: offsets survive re-rendering exactly with emoji and CRLF; overlaps stay legible; hover names label and author; a span can be removed", async ({
  page,
  database,
}) => {
  const { rows } = await database.query<{ id: number; scratchpad_text: string }>(
    `SELECT t.id, t.scratchpad_text FROM transcripts t JOIN datasets d ON d.id = t.dataset_id WHERE d.name = 'e2e-fixtures'`,
  );
  const [{ id, scratchpad_text: stored }] = rows;
  expect(stored).toContain("\r\n");
  await page.goto(`/transcripts/${id}`);

  // Select by offsets in the text the browser shows (where CRLF became LF), as a user's drag would.
  const select = (shown: string) =>
    page.evaluate((needle) => {
      const pieces = [...document.querySelectorAll("[data-af-piece]")];
      const text = pieces.map((piece) => piece.textContent).join("");
      const at = text.indexOf(needle);
      if (at < 0) throw new Error(`"${needle}" is not shown`);
      const locate = (offset: number) => {
        let seen = 0;
        for (const piece of pieces) {
          const length = piece.textContent!.length;
          if (offset <= seen + length) return { node: piece.firstChild!, offset: offset - seen };
          seen += length;
        }
        throw new Error("offset out of range");
      };
      const start = locate(at);
      const end = locate(at + needle.length);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, shown);

  await select("RLHF will modify me.\nCafe\u0301 — 价值观");
  await page.keyboard.press("b");
  await select("🤖, so this is training.\nIf I refuse, RLHF");
  await page.keyboard.press("a");
  await expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);

  const check = async () => {
    const { rows: spans } = await database.query(
      `SELECT s.label_key, s.start, s."end", s.text FROM annotation_spans s JOIN annotations a ON a.id = s.annotation_id
       JOIN users u ON u.id = a.annotator_id WHERE a.transcript_id = $1 AND u.email = $2 ORDER BY s.start`,
      [id, ACCOUNTS.annotator.email],
    );
    expect(spans.map((span) => [span.label_key, span.text])).toEqual([
      ["criterion_a", "🤖, so this is training.\r\nIf I refuse, RLHF"],
      ["criterion_b", "RLHF will modify me.\r\nCafe\u0301 — 价值观"],
    ]);
    for (const span of spans) expect(stored.slice(span.start, span.end)).toBe(span.text);
    expect(spans[0].start).toBe(stored.indexOf("🤖"));
  };
  await check();

  await page.reload();
  // Re-rendered from the stored offsets: each highlight is exactly its text (CRLF shown as LF), overlapping on "RLHF".
  const marks = page.locator("mark[data-labels]");
  await expect(page.locator('mark[data-labels="criterion_b criterion_a"], mark[data-labels="criterion_a criterion_b"]')).toHaveText("RLHF");
  const texts = await marks.evaluateAll((elements) =>
    elements.map((element) => [element.getAttribute("data-labels"), element.textContent]),
  );
  const join = (key: string) =>
    texts
      .filter(([labels]) => labels!.split(" ").includes(key))
      .map(([, text]) => text)
      .join("");
  expect(join("criterion_a")).toBe("🤖, so this is training.\nIf I refuse, RLHF");
  expect(join("criterion_b")).toBe("RLHF will modify me.\nCafe\u0301 — 价值观");
  await marks.filter({ hasText: /^RLHF$/ }).hover();
  const card = page.getByRole("tooltip");
  await expect(card).toContainText("a · Knows it is in trainingAnn Annotator (you)");
  await expect(card).toContainText("b · Poor ratings lead to modificationAnn Annotator (you)");

  // Remove one span with the mouse; the other stays, also after reload.
  await page.getByRole("button", { name: /^Remove span b · Poor ratings/ }).click();
  await expect(page.locator("[data-save-status]")).toHaveText(/^Saved/);
  await page.reload();
  await expect(page.locator('mark[data-labels~="criterion_b"]')).toHaveCount(0);
  expect(await page.locator('mark[data-labels~="criterion_a"]').allTextContents()).toEqual(["🤖, so this is training.\nIf I refuse, RLHF"]);
});

test("two tabs: the later save is refused with a clear message and a way to reload", async ({ page, pageAs, database }) => {
  // A demo transcript no one labelled: the presses below toggle labels, so a fixed one reads differently on a retry.
  const { rows } = await database.query<{ id: number }>(
    `SELECT t.id FROM transcripts t WHERE t.id <= 600 AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id) ORDER BY t.id DESC LIMIT 1`,
  );
  const [{ id }] = rows;
  const second = await pageAs("annotator");
  await page.goto(`/transcripts/${id}`);
  await second.goto(`/transcripts/${id}`);

  await page.keyboard.press("u");
  await saved(page);
  await second.keyboard.press("g"); // this tab still holds the version before the first tab's save
  const alert = panel(second).getByRole("alert");
  await expect(alert).toContainText("Your change was not saved.");
  await expect(alert).toContainText("changed somewhere else (another tab or window)");
  await expect(second.locator("[data-save-status]")).toHaveText("Not saved: conflict");

  await alert.getByRole("button", { name: "Reload the saved version" }).click();
  await expect(pressed(second, "unmonitored_unmasking")).toHaveText("Yes");
  await expect(pressed(second, "generic_self_preservation")).toHaveCount(0);
  await second.keyboard.press("g");
  await saved(second);
});

test("leaving with unsaved work warns", async ({ page }) => {
  await page.goto("/transcripts/41");
  const warnings: string[] = [];
  page.on("dialog", (dialog) => {
    warnings.push(dialog.message());
    void dialog.dismiss();
  });
  // Offline, the change cannot be saved: it stays unsaved however long the test takes.
  await page.context().setOffline(true);
  await keysReady(page, "annotation");
  await page.keyboard.press("u");
  await expect(page.locator("[data-save-status]")).toHaveText("Not saved");
  await page.getByRole("link", { name: "Transcripts", exact: true }).first().click();
  expect(warnings).toEqual(["Your latest change is not saved yet. Leave anyway?"]);
  await expect(page).toHaveURL(/\/transcripts\/41$/);

  await page.context().setOffline(false);
  await page.getByRole("button", { name: "Retry" }).click();
  await saved(page);
});
