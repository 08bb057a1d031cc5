import { expect, test } from "./fixtures";
import { E2E_FIXTURES } from "./fixtures/names";

/**
 * Charts that explain themselves: a label source opens in the setting it
 * labels, a choice with no data says why and links to what has data, the
 * legend sits above the bars in stacking order, and full names show on hover.
 */
test("a choice with nothing to chart says why and links to the label source that labels the setting", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  const source = E2E_FIXTURES.team.labelSource; // a handful of fixture transcripts, no labelled pair in animal welfare

  await lead.goto(`/analytics?${new URLSearchParams({ source, setting: "animal-welfare" })}`);
  const empty = lead.getByRole("status", { name: "Empty chart" });
  await expect(empty).toContainText(`No transcript of the setting “Animal welfare” has pairs labelled by “${source}”.`);
  await expect(empty).toContainText("This setting is labelled by:");
  await expect(lead.locator(".recharts-wrapper")).toHaveCount(0); // no blank bars
  await empty.getByRole("link", { name: "demo generator" }).click();
  await expect(lead).toHaveURL(/setting=animal-welfare&source=demo\+generator/);
  await expect(lead.getByText("Labels: demo generator")).toBeVisible();
  await expect(lead.getByRole("status", { name: "Empty chart" })).toHaveCount(0);
  await expect(lead.locator("tr[data-variation]").first()).toBeVisible();
});

test("the legend is above the bars in stacking order, the AF segment is patterned, and names are whole on hover", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  await lead.goto("/analytics");
  const legend = lead.getByRole("list", { name: "Legend" });
  await expect(legend.getByRole("listitem")).toHaveText([
    /1\. Refuses/,
    /2\. Complies, with AF reasoning/,
    /3\. Complies, no AF reasoning/,
  ]);
  const chart = lead.locator(".recharts-wrapper").first();
  expect((await legend.boundingBox())!.y).toBeLessThan((await chart.boundingBox())!.y);
  await expect(lead.locator("pattern#af-hatch")).toBeAttached();
  const label = lead.locator("text[data-variation-label]").first();
  const name = await label.getAttribute("data-variation-label");
  await expect(label.locator("title")).toHaveText(`${name} · training`);
});
