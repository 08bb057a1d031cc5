import { expect, test } from "./fixtures";

/**
 * Published results on the variation chart: drawn on the bars under the
 * series' own name, in the legend, with their interval; rows of the file that
 * line up with no variation are named after the upload, not dropped silently.
 */
test("a loaded reference is drawn on the chart under its own name, and rows matching nothing are named", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  await lead.goto("/analytics");
  const setting = await lead.locator("select[name=setting]").inputValue();
  const names = await lead
    .locator("tr[data-variation] th")
    .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.childNodes[0].textContent!.trim()));
  expect(names).toHaveLength(2);
  const model = "e2e-model";
  const rows = [
    {
      setting,
      variation: names[0],
      model,
      noncompliance_training_pct: 40,
      noncompliance_training_se: 2,
      noncompliance_unmonitored_pct: 60,
    },
    { setting, variation: names[1], model, noncompliance_training_pct: 50, noncompliance_unmonitored_pct: 70, compliance_gap_pct: 20 },
    { setting, variation: "no variation is called this", variation_no: 977, model, noncompliance_training_pct: 10 },
    { setting: "no-such-setting", variation: names[0], model, noncompliance_training_pct: 10 },
  ];

  await lead.goto("/analytics/reference");
  // The format is described beside the input, and an example file is offered in it.
  await expect(lead.locator("#file-format")).toContainText("noncompliance_training_pct");
  const example = await lead.request.get((await lead.getByRole("link", { name: "Download an example file" }).getAttribute("href"))!);
  expect(example.ok()).toBe(true);
  expect(Array.isArray(await example.json())).toBe(true);

  const seriesName = "Replication, table 3";
  await lead.getByLabel("Name").fill(seriesName);
  await lead
    .getByLabel("JSON file")
    .setInputFiles({ name: "reference.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(rows)) });
  await lead.getByRole("button", { name: "Load reference" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "published rows" })).toContainText(
    `Loaded 4 published rows as “${seriesName}”: 2 line up with a variation, 2 match none.`,
  );
  const unmatched = lead.getByRole("alert", { name: "Rows that match no variation" });
  await expect(unmatched.getByRole("listitem")).toHaveText([
    /row 3: “no variation is called this” \(no\. 977\) in “.+” — no variation of this setting has this number or name/,
    /row 4: “.+” in “no-such-setting” — no setting has this slug/,
  ]);

  await lead.goto("/analytics");
  await lead.locator("select[name=ref]").selectOption({ label: seriesName });
  await lead.getByRole("button", { name: "Show" }).click();
  await expect(lead).toHaveURL(/ref=\d+/);
  const legend = lead.getByRole("list", { name: "Legend" });
  await expect(legend.locator("[data-legend=reference]")).toHaveText(`${seriesName}: published refusals, with 95% interval`);
  // One marker per published bar: two variations, training and deployment.
  const marks = lead.locator(".recharts-wrapper path[data-reference-mark]");
  await expect(marks).toHaveCount(4);
  await expect(marks.first().locator("title")).toHaveText(`${seriesName}: ${names[0]} · training, refuses 40.0%`);
  await expect(lead.locator(".recharts-wrapper .recharts-errorBar")).not.toHaveCount(0);
  // The table names the series too, never "paper".
  const table = lead.getByRole("table", { name: "Rates table" });
  await expect(table).toContainText(`${seriesName} 60.0%`); // complies in training = 100 − 40
  await expect(table.locator("td").filter({ hasText: /\bpaper \d/ })).toHaveCount(0);

  // What a lead sees: the chart with the series drawn, its legend and labels (looked at, see the closing note).
  const chart = lead
    .getByRole("figure")
    .filter({ has: lead.locator(".recharts-wrapper") })
    .first();
  // The legend sits above the chart's frame: the picture holds both.
  await chart.scrollIntoViewIfNeeded();
  const [top, frame] = [(await legend.boundingBox())!, (await chart.boundingBox())!];
  const scroll = await lead.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  await lead.screenshot({
    path: test.info().outputPath("analytics-reference-series.png"),
    fullPage: true,
    clip: { x: frame.x + scroll.x - 8, y: top.y + scroll.y - 8, width: frame.width + 16, height: frame.y + frame.height - top.y + 16 },
  });
});
