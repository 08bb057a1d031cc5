import type pg from "pg";
import { formatInterval } from "@/components/judges/validation/format";
import { wilson } from "@/lib/analytics/stats/intervals";
import { roganGladen } from "@/lib/judges/metrics/rogan-gladen";
import { ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * A lead charts the demo judge run on /analytics: its rate per variation ×
 * condition with Wilson intervals, then with "Corrected" the Rogan–Gladen
 * rate beside it. The interval shown for the first row is recomputed here
 * from the counts on the page (its n and positives, the validation's
 * TP/positives and TN/negatives). Eight human labels are written on
 * transcripts the run judged (4 it called yes, 4 no; one of each the humans
 * contradict) so that there is a validation sample, and removed at the end.
 */
async function arrange(database: pg.Client) {
  const run = (
    await database.query<{ id: number }>(
      `SELECT r.id FROM judge_runs r JOIN judges j ON j.id = r.judge_id WHERE j.name = 'Demo judge (generated)' ORDER BY r.id DESC LIMIT 1`,
    )
  ).rows[0].id;
  const pick = async (verdict: boolean) =>
    (
      await database.query<{ id: number }>(
        `SELECT p.transcript_id AS id FROM judge_predictions p
          WHERE p.run_id = $1 AND p.verdict = $2
            AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = p.transcript_id)
            AND NOT EXISTS (SELECT 1 FROM adjudications j WHERE j.transcript_id = p.transcript_id)
          ORDER BY p.transcript_id LIMIT 4`,
        [run, verdict],
      )
    ).rows.map((row) => row.id);
  const labelled: [number, string][] = [
    ...(await pick(true)).map((id, i): [number, string] => [id, i < 3 ? "full" : "no"]),
    ...(await pick(false)).map((id, i): [number, string] => [id, i < 3 ? "no" : "full"]),
  ];
  const annotator = (await database.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.annotator2.email])).rows[0].id;
  const version = (await database.query(`SELECT max(version) AS v FROM label_schema_versions`)).rows[0].v;
  for (const [id, value] of labelled) {
    await database.query(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, $4, now())`,
      [id, annotator, version, JSON.stringify({ af_verdict: value })],
    );
  }
  const ids = labelled.map(([id]) => id);
  const cleanup = async () => {
    await database.query(`DELETE FROM annotation_audit WHERE transcript_id = ANY($1)`, [ids]);
    await database.query(`DELETE FROM annotations WHERE transcript_id = ANY($1) AND annotator_id = $2`, [ids, annotator]);
  };
  return { run, cleanup };
}

/** "75.0% (3 of 4)" → [3, 4]. */
const countsOf = (text: string) => {
  const match = text.match(/\((\d+) of (\d+)\)/);
  if (!match) throw new Error(`No counts in “${text}”`);
  return [Number(match[1]), Number(match[2])] as const;
};

test("a lead picks the demo judge run on /analytics and reads its raw and corrected rates with their intervals", async ({
  pageAs,
  page: annotatorPage,
  database,
}) => {
  const page = await pageAs("lead");
  await page.goto("/schema"); // the label schema is written the first time it is needed: the labels below name its version
  const { run, cleanup } = await arrange(database);
  try {
    await page.goto("/analytics");
    await page.getByLabel("Label source").selectOption(`@judge:${run}`);
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`source=%40judge%3A${run}`));
    const table = page.getByRole("table", { name: "Judge rates" });
    const first = table.locator("tbody tr").first();
    await expect(first).toBeVisible();
    await expect(page.getByText(/Labels: judge Demo judge \(generated\)/).first()).toBeVisible();
    const cells = async () => (await first.locator("td").allTextContents()).map((text) => text.trim());
    const [, , n, positive, raw] = await cells();
    expect(raw).toBe(formatInterval(wilson(Number(positive), Number(n))));
    await expect(table.getByRole("columnheader", { name: "Corrected rate [95%]" })).toHaveCount(0);

    await page.getByLabel("Corrected (Rogan–Gladen)").check();
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/corrected=1/);
    await expect(table.getByRole("columnheader", { name: "Corrected rate [95%]" })).toBeVisible();
    await expect(
      page.getByRole("figure").filter({ hasText: "Labels: judge Demo judge" }).locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    // At least the eight arranged labels are in the validation sample.
    const validationN = Number((await page.getByTestId("validation-n").textContent())!.replace("n = ", ""));
    expect(validationN).toBeGreaterThanOrEqual(8);
    const [truePositives, referencePositives] = countsOf((await page.getByTestId("judge-sensitivity").textContent())!);
    const [trueNegatives, referenceNegatives] = countsOf((await page.getByTestId("judge-specificity").textContent())!);
    expect(referencePositives + referenceNegatives).toBe(validationN);
    const [, , n2, positive2, raw2, corrected] = await cells();
    expect(raw2).toBe(formatInterval(wilson(Number(positive2), Number(n2))));
    const expected = roganGladen({
      judgedPositive: Number(positive2),
      n: Number(n2),
      truePositives,
      referencePositives,
      trueNegatives,
      referenceNegatives,
    });
    expect(corrected).toBe(formatInterval(expected));
    expect(corrected).toMatch(/^\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]$/);

    // Annotators get no chart at all, judge source or not.
    expect((await annotatorPage.goto(`/analytics?source=%40judge%3A${run}&corrected=1`))?.status()).toBe(403);
  } finally {
    await cleanup();
  }
});
