import type { Page } from "@playwright/test";
import type pg from "pg";
import { formatInterval } from "@/components/judges/validation/format";
import { wilson } from "@/lib/analytics/stats/intervals";
import { roganGladen } from "@/lib/judges/metrics/rogan-gladen";
import { ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * A lead charts a judge run on /analytics: its rate per variation ×
 * condition with Wilson intervals, then with "Corrected" the Rogan–Gladen
 * rate beside it. The figures shown for the first row are recomputed here
 * from the counts on the page (its n and positives, the validation's
 * TP/positives and TN/negatives).
 *
 * The test arranges its own run and its own validation sample, so that what
 * earlier specs labelled cannot change it: a prediction file imported
 * through the app's API over eight transcripts nobody has labelled (4 yes,
 * 4 no), and one human label on each (the humans contradict one of each),
 * so Se = Sp = 3 of 4. Everything is removed at the end.
 */
async function arrange(page: Page, database: pg.Client) {
  const free = (
    await database.query<{ id: number }>(
      `SELECT t.id FROM transcripts t
        WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM adjudications j WHERE j.transcript_id = t.id)
        ORDER BY t.id LIMIT 8`,
    )
  ).rows.map((row) => row.id);
  expect(free, "eight transcripts nobody labelled").toHaveLength(8);
  const judged = free.map((id, i) => ({ transcript_id: id, label: i < 4 }));
  const judgeName = `e2e chart judge ${Date.now()}`;
  const answer = await page.request.post("/api/v1/judges/imported", {
    headers: { origin: new URL(page.url()).origin, "content-type": "application/json" },
    data: {
      judgeName,
      labelKey: "af_verdict",
      fileName: "chart.jsonl",
      text: judged.map((line) => JSON.stringify(line)).join("\n") + "\n",
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const { runId: run } = (await answer.json()) as { runId: number };

  // The humans agree with 3 of the 4 yes and 3 of the 4 no.
  const labelled: [number, string][] = judged.map(({ transcript_id, label }, i) => [
    transcript_id,
    label ? (i < 3 ? "full" : "no") : i < 7 ? "no" : "full",
  ]);
  const annotator = (await database.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.annotator2.email])).rows[0].id;
  const version = (await database.query(`SELECT max(version) AS v FROM label_schema_versions`)).rows[0].v;
  for (const [id, value] of labelled) {
    await database.query(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, $4, now())`,
      [id, annotator, version, JSON.stringify({ af_verdict: value })],
    );
  }
  const cleanup = async () => {
    await database.query(`DELETE FROM annotation_audit WHERE transcript_id = ANY($1)`, [free]);
    await database.query(`DELETE FROM annotations WHERE transcript_id = ANY($1) AND annotator_id = $2`, [free, annotator]);
    await database.query(`DELETE FROM judges WHERE name = $1`, [judgeName]);
  };
  return { run, judgeName, cleanup };
}

/** "75.0% (3 of 4)" → [3, 4]. */
const countsOf = (text: string) => {
  const match = text.match(/\((\d+) of (\d+)\)/);
  if (!match) throw new Error(`No counts in “${text}”`);
  return [Number(match[1]), Number(match[2])] as const;
};

test("a lead picks a judge run on /analytics and reads its raw and corrected rates with their intervals", async ({
  pageAs,
  page: annotatorPage,
  database,
}) => {
  const page = await pageAs("lead");
  await page.goto("/schema"); // the label schema is written the first time it is needed: the labels below name its version
  const { run, judgeName, cleanup } = await arrange(page, database);
  try {
    await page.goto("/analytics");
    await page.getByLabel("Label source").selectOption(`@judge:${run}`);
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`source=%40judge%3A${run}`));
    const table = page.getByRole("table", { name: "Judge rates" });
    const first = table.locator("tbody tr").first();
    await expect(first).toBeVisible();
    await expect(page.getByText(`Labels: judge ${judgeName}`, { exact: false }).first()).toBeVisible();
    const cells = async () => (await first.locator("td").allTextContents()).map((text) => text.trim());
    const [, , n, positive, raw] = await cells();
    expect(raw).toBe(formatInterval(wilson(Number(positive), Number(n))));
    await expect(table.getByRole("columnheader", { name: "Corrected rate [95%]" })).toHaveCount(0);

    await page.getByLabel("Corrected (Rogan–Gladen)").check();
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/corrected=1/);
    await expect(table.getByRole("columnheader", { name: "Corrected rate [95%]" })).toBeVisible();
    await expect(
      page
        .getByRole("figure")
        .filter({ hasText: `Labels: judge ${judgeName}` })
        .locator(".recharts-bar-rectangle")
        .first(),
    ).toBeVisible();
    // The validation sample is the eight arranged labels: Se = Sp = 3 of 4.
    await expect(page.getByTestId("validation-n")).toHaveText("n = 8");
    const [truePositives, referencePositives] = countsOf((await page.getByTestId("judge-sensitivity").textContent())!);
    const [trueNegatives, referenceNegatives] = countsOf((await page.getByTestId("judge-specificity").textContent())!);
    expect([truePositives, referencePositives, trueNegatives, referenceNegatives]).toEqual([3, 4, 3, 4]);
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
