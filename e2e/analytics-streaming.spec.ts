import { expect, test } from "./fixtures";
import { slowNetwork } from "./page-checks";

/**
 * /analytics on a slow link (issue 16): the heading and the filters (from the
 * cheap scope) are there while the chart panel, waiting for the counts, shows
 * its skeleton; then the chart replaces it. The network is throttled through
 * Chrome's DevTools protocol, as in day-work.spec.ts.
 */
test("on a slow link /analytics shows its heading and filters beside the chart's skeleton, then the chart", async ({ pageAs }) => {
  test.setTimeout(180_000);
  const lead = await pageAs("lead");
  const restoreNetwork = await slowNetwork(lead);
  try {
    await lead.goto("/analytics", { waitUntil: "commit" });
    const skeleton = lead.locator('[data-skeleton][aria-label="Computing the chart"]');
    await expect(skeleton).toBeVisible({ timeout: 60_000 });
    // While it waits: the page's heading and its filters are there already.
    await expect(lead.getByRole("heading", { level: 1, name: "Prompt variations" })).toBeVisible();
    await expect(lead.locator("select[name=source]")).toBeVisible();
    await expect(lead.getByRole("button", { name: "Show" })).toBeVisible();
    await expect(lead.getByText(/^Labels: /)).toHaveCount(0);
    // Then the chart and its table arrive in its place.
    await expect(lead.getByText(/^Labels: /)).toBeVisible({ timeout: 120_000 });
    await expect(lead.getByRole("table").getByRole("row", { name: /^Default/ })).toBeVisible();
    await expect(skeleton).toHaveCount(0);
  } finally {
    await restoreNetwork();
  }
});
