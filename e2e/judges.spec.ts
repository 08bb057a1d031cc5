import { expect, test } from "./fixtures";
import { startFakeProvider, type FakeProvider } from "@/lib/judges/testing/fake-provider";

/**
 * Judges, as a lead uses them: define an LLM judge in the browser, run it
 * with N = 5 over a filter of the transcripts table against a local
 * OpenAI-compatible server (started here; the worker calls it through the
 * official SDK), watch the progress, kill the worker with SIGKILL mid-run
 * (the server restarts it; the queue hands the job over) and see the run
 * finish with every (transcript, sample) stored exactly once.
 */
test.describe.configure({ timeout: 240_000 });

let provider: FakeProvider;
test.beforeAll(async () => {
  provider = await startFakeProvider();
});
test.afterAll(async () => {
  await provider?.close();
});

test("a lead defines a judge, runs it over a filter with N = 5, the worker is killed mid-run, and the run finishes without a duplicate", async ({
  pageAs,
  database,
}) => {
  // The largest variation's training transcripts (enough that the kill lands mid-run): a filter the table itself would show.
  const { rows } = await database.query<{ variation_id: number; n: number }>(
    `SELECT variation_id, count(*)::int AS n FROM transcripts WHERE condition = 'training' GROUP BY variation_id ORDER BY count(*) DESC, variation_id LIMIT 1`,
  );
  const { variation_id: variation, n } = rows[0];
  const requests = n * 5;
  // Paced to last about 60 s, so the kill lands mid-run (the page's progress refreshes every few seconds).
  const perMinute = Math.max(60, requests);
  const name = `E2E judge ${Date.now()}`;

  const page = await pageAs("lead");
  await page.goto("/judges");
  const form = page.getByRole("form", { name: "Define a judge" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Label it answers").selectOption("af_verdict");
  await form.getByLabel(/^Provider/).selectOption("openai"); // a wrapping label's name includes the options' text
  await form.getByLabel("Model", { exact: true }).fill("fake-judge-model");
  await form.getByLabel("Base URL (optional)").fill(provider.openaiBaseUrl);
  await form.getByLabel("Samples per transcript (N)").fill("5");
  await form.getByLabel("Requests / minute").fill(String(perMinute));
  await form.getByRole("button", { name: "Define judge" }).click();
  await expect(form.getByRole("status")).toHaveText(`Judge “${name}” defined.`);

  const runForm = page.getByRole("form", { name: `Run ${name}` });
  await runForm.getByLabel(/Filter/).fill(`variation=${variation}&condition=training`);
  await runForm.getByRole("button", { name: "Start run" }).click();
  const started = await runForm.getByRole("status").textContent();
  const runId = Number(/#(\d+)/.exec(started ?? "")?.[1]);
  expect(runId).toBeGreaterThan(0);

  const row = page.locator(`tr[data-run-id="${runId}"]`);
  await expect(row.getByTestId("run-status")).toHaveText("running", { timeout: 30_000 });
  // Progress moves while we watch (the page refreshes itself).
  await expect(row.getByTestId("run-progress")).toHaveText(/^\d+ \//);
  // Samples are being stored (the page counts whole transcripts, which come later at this pace).
  await expect
    .poll(
      async () =>
        (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM judge_samples WHERE run_id = $1`, [runId])).rows[0].n,
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(0);
  await expect(row.getByTestId("run-progress")).toContainText(`/ ${n}`);

  // SIGKILL the worker running the job, mid-run.
  const running = await database.query<{ pid: number; done: number }>(
    `SELECT w.pid, (SELECT count(*)::int FROM judge_samples s WHERE s.run_id = r.id) AS done
       FROM judge_runs r JOIN jobs j ON j.id = r.job_id JOIN job_workers w ON w.id = j.worker_id WHERE r.id = $1`,
    [runId],
  );
  expect(running.rows[0].done).toBeLessThan(requests);
  process.kill(running.rows[0].pid, "SIGKILL");

  await expect(row.getByTestId("run-status")).toHaveText("succeeded", { timeout: 180_000 });
  await expect(row.getByTestId("run-progress")).toHaveText(`${n} / ${n}`);

  const samples = await database.query<{ total: number; keys: number; per_transcript: number[] }>(
    `SELECT count(*)::int AS total, count(DISTINCT (transcript_id, sample_index))::int AS keys,
            array_agg(DISTINCT c) AS per_transcript
       FROM judge_samples s JOIN (SELECT transcript_id, count(*)::int AS c FROM judge_samples WHERE run_id = $1 GROUP BY 1) k USING (transcript_id)
      WHERE s.run_id = $1`,
    [runId],
  );
  expect(samples.rows[0]).toEqual({ total: requests, keys: requests, per_transcript: [5] });
  const job = await database.query<{ attempts: number; status: string }>(
    `SELECT j.attempts, j.status::text AS status FROM jobs j JOIN judge_runs r ON r.job_id = j.id WHERE r.id = $1`,
    [runId],
  );
  // The killed attempt and the one that finished.
  expect(job.rows[0].status).toBe("succeeded");
  expect(job.rows[0].attempts).toBeGreaterThanOrEqual(2);
  const predictions = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM judge_predictions WHERE run_id = $1`, [runId]);
  expect(predictions.rows[0].n).toBe(n);
});

test("annotators are refused the judges page and see no link to it; without a session it is the sign-in page", async ({
  page,
  pageAs,
  anonymousPage,
}) => {
  for (const annotator of [page, await pageAs("annotator2")]) {
    const response = await annotator.goto("/judges");
    expect(response?.status()).toBe(403);
    await expect(annotator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Judges" })).toHaveCount(0);
  }
  await anonymousPage.goto("/judges");
  await expect(anonymousPage).toHaveURL(/\/sign-in\?next=%2Fjudges/);
});
