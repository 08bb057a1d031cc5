import type pg from "pg";
import { ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * The validation page of a judge run, its numbers counted by hand: six
 * transcripts, five with a human label (the second demo annotator's, so the
 * consensus is theirs: "single"), an imported run with a verdict and a score
 * for each. Every count opens the transcripts table filtered to what it counts.
 *
 *   t1 full → yes 0.9 TP · t2 no → yes 0.7 FP · t3 partial → no 0.4 FN (at 0.30: TP)
 *   t4 no → no 0.1 TN · t5 no → no 0.2 TN · t6 (no human label) → yes 0.8
 *
 * The run and the labels are written to the database here, and removed at the
 * end: the app has no HTTP endpoint for imported predictions yet (issue 15's
 * lib/judges/imported has the code; its route is 15a's). Tests run one at a time.
 */
const VALUES = ["full", "no", "partial", "no", "no"] as const;
const PREDICTIONS = [
  [true, 0.9],
  [true, 0.7],
  [false, 0.4],
  [false, 0.1],
  [false, 0.2],
  [true, 0.8],
] as const;

async function arrange(database: pg.Client) {
  const { rows: picked } = await database.query<{ id: number }>(
    `SELECT t.id FROM transcripts t WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id)
       AND NOT EXISTS (SELECT 1 FROM adjudications j WHERE j.transcript_id = t.id)
     ORDER BY t.id OFFSET (SELECT count(*) / 2 FROM transcripts) LIMIT 6`,
  );
  const ids = picked.map((row) => row.id);
  const annotator = (await database.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.annotator2.email])).rows[0].id;
  const lead = (await database.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.lead.email])).rows[0].id;
  const version = (await database.query(`SELECT max(version) AS v FROM label_schema_versions`)).rows[0].v;
  for (const [i, value] of VALUES.entries()) {
    await database.query(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, $4, now())`,
      [ids[i], annotator, version, JSON.stringify({ af_verdict: value })],
    );
  }
  const name = `e2e validation ${Date.now()}`;
  const judge = (
    await database.query(`INSERT INTO judges (name, kind, label_key, created_by) VALUES ($1, 'imported', 'af_verdict', $2) RETURNING id`, [
      name,
      lead,
    ])
  ).rows[0].id;
  const run = (
    await database.query(`INSERT INTO judge_runs (judge_id, status, total, done) VALUES ($1, 'succeeded', 6, 6) RETURNING id`, [judge])
  ).rows[0].id as number;
  for (const [i, [verdict, score]] of PREDICTIONS.entries()) {
    await database.query(`INSERT INTO judge_predictions (run_id, transcript_id, verdict, score) VALUES ($1, $2, $3, $4)`, [
      run,
      ids[i],
      verdict,
      score,
    ]);
  }
  const cleanup = async () => {
    await database.query(`DELETE FROM judges WHERE id = $1`, [judge]);
    await database.query(`DELETE FROM annotation_audit WHERE transcript_id = ANY($1)`, [ids]);
    await database.query(`DELETE FROM annotations WHERE transcript_id = ANY($1) AND annotator_id = $2`, [ids, annotator]);
  };
  return { ids, run, name, cleanup };
}

test("a lead reads a judge run's validation: the matrix, figures, threshold and breakdown equal the hand count, and each count opens its transcripts", async ({
  pageAs,
  page: annotatorPage,
  anonymousPage,
  database,
}) => {
  const page = await pageAs("lead");
  await page.goto("/schema"); // the label schema is written the first time it is needed: the labels below name its version
  const { ids, run, name, cleanup } = await arrange(database);
  try {
    await page.goto(`/judges/runs/${run}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${name} · run #${run} against the human consensus`);
    await expect(page.getByTestId("validation-counts")).toContainText("5 transcripts counted of 6 judged · 1 without a human reference");
    const matrix = page.getByRole("table", { name: "Confusion matrix" });
    for (const [cell, count] of [
      ["tp", 1],
      ["fp", 1],
      ["fn", 1],
      ["tn", 2],
    ] as const) {
      await expect(matrix.locator(`[data-cell=${cell}]`)).toHaveText(String(count));
    }
    const figures = page.getByRole("table", { name: "Figures" });
    // Wilson 95% by hand: 1 of 2 → [0.095, 0.905]; 3 of 5 → [0.231, 0.882].
    await expect(figures.locator('[data-figure="Precision"]')).toContainText("0.500 [0.095, 0.905]");
    await expect(figures.locator('[data-figure="Accuracy"]')).toContainText("0.600 [0.231, 0.882]");
    // AUROC: positives 0.9, 0.4 above negatives 0.7, 0.1, 0.2 in 5 of 6 pairs.
    await expect(figures.locator('[data-figure="AUROC"]')).toContainText("0.833 [");
    await expect(page.getByText(/ROC curve · AUROC 0\.833/)).toBeVisible();
    await expect(page.getByText("Calibration (observed share")).toBeVisible();

    // The breakdown: every group's n adds up to the 5 counted.
    const groups = page.getByRole("table", { name: "Per variation and condition" }).locator("tbody tr");
    const ns = await groups.locator("td:nth-child(3)").allTextContents();
    expect(ns.map(Number).reduce((a, b) => a + b, 0)).toBe(5);

    // The false positive opens the table with exactly t2.
    await matrix.locator("[data-cell=fp]").click();
    await expect(page).toHaveURL(new RegExp(`/transcripts\\?judge=${run}%3Afp`));
    await expect(page.getByTestId("list-counts")).toContainText(/^1 transcripts/);
    await expect(page.locator(`a[href^="/transcripts/${ids[1]}"]`).first()).toBeVisible();

    // A threshold of 0.30 moves t3 (0.4) from FN to TP: recall 2 of 2.
    await page.goto(`/judges/runs/${run}?t=0.3`);
    await expect(matrix.locator("[data-cell=tp]")).toHaveText("2");
    await expect(matrix.locator("[data-cell=fn]")).toHaveText("0");
    await expect(figures.locator('[data-figure="Recall (sensitivity)"]')).toContainText("1.000 [0.342, 1.000]");
    await matrix.locator("[data-cell=tp]").click();
    await expect(page).toHaveURL(new RegExp(`judge=${run}%3Atp%400.3`));

    // Annotators are refused; without a session it is the sign-in page.
    expect((await annotatorPage.goto(`/judges/runs/${run}`))?.status()).toBe(403);
    expect((await annotatorPage.goto(`/transcripts?judge=${run}%3Apositive`))?.status()).toBe(403);
    await anonymousPage.goto(`/judges/runs/${run}`);
    await expect(anonymousPage).toHaveURL(/\/sign-in\?next=/);
  } finally {
    await cleanup();
  }
});
