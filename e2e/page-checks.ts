import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The control's error: the element its aria-describedby names that holds `text`, in the control's own field. */
export async function expectInlineError(page: Page, control: Locator, text: string | RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  const described = (await control.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const errors = page.locator(described.map((id) => `[id="${id}"][data-field-error]`).join(", ") || "#none");
  await expect(errors).toHaveCount(1);
  await expect(errors).toHaveText(text);
  await expect(errors).toBeVisible();
  // Inline: in the same field as its control, not a message at the top of the form.
  const field = control.locator("xpath=ancestor::div[1]");
  await expect(field.locator("[data-field-error]")).toHaveText(text);
}

/**
 * Throttles the page's network through Chrome's DevTools protocol (1.5 s latency, 50 kB/s each
 * way) until the returned function restores it: how a slow link is tried.
 */
export async function slowNetwork(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 1_500,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });
  return async () => {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  };
}
