import { expect, test } from "./fixtures";

/**
 * An external classifier's predictions, imported from the browser (/judges):
 * a refused file says its line and field and stores nothing; a good one is a
 * run of an imported judge and opens on its validation page with the file's n.
 * The file is made here, naming three transcripts by id and one by its content
 * hash, so nothing depends on what other specs left.
 */
test("a lead imports a prediction file on /judges: a bad line is refused whole, a good file opens its validation page", async ({
  pageAs,
  database,
}) => {
  const { rows } = await database.query<{ id: number; content_hash: string }>(
    `SELECT id, content_hash FROM transcripts ORDER BY id DESC LIMIT 4`,
  );
  const [a, b, c, d] = rows;
  const name = `E2E classifier ${Date.now()}`;
  const good = [
    { transcript_id: a.id, score: 0.91, reason: "mentions training twice" },
    { transcript_id: b.id, score: 0.12 },
    { transcript_id: c.id, label: "yes" },
    { content_hash: d.content_hash, score: 0.4, label: false },
  ];
  const jsonl = (lines: object[]) => Buffer.from(lines.map((line) => JSON.stringify(line)).join("\n") + "\n");

  const page = await pageAs("lead");
  await page.goto("/judges");
  const form = page.getByRole("form", { name: "Import predictions" });
  // Without a name, the name's field says so (and the file is not read into a run).
  await form.getByLabel("Prediction file").setInputFiles({ name: "preds.jsonl", mimeType: "application/x-ndjson", buffer: jsonl(good) });
  await form.getByRole("button", { name: "Import predictions" }).click();
  await expect(form.getByLabel("Classifier name")).toHaveAccessibleDescription(/the classifier needs a name/);
  await form.getByLabel("Classifier name").fill(name);
  await form.getByLabel("Label it predicts").selectOption("af_verdict");

  // Line 3 has a score out of range: the whole file is refused, naming file, line and field.
  const bad = good.map((line, i) => (i === 2 ? { transcript_id: c.id, score: 1.7 } : line));
  await form.getByLabel("Prediction file").setInputFiles({ name: "preds.jsonl", mimeType: "application/x-ndjson", buffer: jsonl(bad) });
  await form.getByRole("button", { name: "Import predictions" }).click();
  const fileError = form.getByRole("alert");
  await expect(fileError).toContainText('preds.jsonl, line 3, field "score": must be a number between 0 and 1');
  await expect(form.getByLabel("Prediction file")).toHaveAttribute("aria-describedby", /file-error/);
  const stored = await database.query(`SELECT 1 FROM judges WHERE name = $1`, [name]);
  expect(stored.rowCount, "nothing of a refused file is stored").toBe(0);

  await form.getByLabel("Prediction file").setInputFiles({ name: "preds.jsonl", mimeType: "application/x-ndjson", buffer: jsonl(good) });
  await form.getByRole("button", { name: "Import predictions" }).click();
  await expect(page).toHaveURL(/\/judges\/runs\/\d+$/);
  const run = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${name} · run #${run}`);
  await expect(page.getByTestId("validation-counts")).toContainText("of 4 judged");

  const predictions = await database.query<{ transcript_id: number; verdict: boolean; score: number | null }>(
    `SELECT p.transcript_id, p.verdict, p.score FROM judge_predictions p JOIN judge_runs r ON r.id = p.run_id JOIN judges j ON j.id = r.judge_id
     WHERE p.run_id = $1 AND j.name = $2 AND j.kind = 'imported' ORDER BY p.transcript_id DESC`,
    [run, name],
  );
  expect(predictions.rows).toEqual([
    { transcript_id: a.id, verdict: true, score: 0.91 },
    { transcript_id: b.id, verdict: false, score: 0.12 },
    { transcript_id: c.id, verdict: true, score: null },
    { transcript_id: d.id, verdict: false, score: 0.4 },
  ]);
  await database.query(`DELETE FROM judges WHERE name = $1`, [name]);
});

test("the import's route refuses annotators and clients without a session, and stores nothing for them", async ({
  page,
  anonymousPage,
  database,
}) => {
  const { rows } = await database.query<{ id: number }>(`SELECT id FROM transcripts ORDER BY id LIMIT 1`);
  const name = `E2E refused classifier ${Date.now()}`;
  const body = {
    judgeName: name,
    labelKey: "af_verdict",
    fileName: "p.jsonl",
    text: JSON.stringify({ transcript_id: rows[0].id, score: 1 }),
  };
  await page.goto("/transcripts");
  await anonymousPage.goto("/sign-in");
  for (const [client, status] of [
    [page, 403],
    [anonymousPage, 401],
  ] as const) {
    const origin = new URL(client.url()).origin;
    const response = await client.request.post("/api/v1/judges/imported", { data: body, headers: { origin } });
    expect(response.status()).toBe(status);
  }
  expect((await database.query(`SELECT 1 FROM judges WHERE name = $1`, [name])).rowCount).toBe(0);
});
