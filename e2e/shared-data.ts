import { test } from "@playwright/test";
import { sharedData, type SharedData } from "@/lib/testing/shared-data";

export { sharedData };

/** Skips the current test, naming the missing file, when `data` is absent (a fresh clone); under CI sharedData() has thrown already. */
export function needs(...data: SharedData[]) {
  const missing = data.find((item) => !item.available);
  if (!missing) return;
  const reason = `needs ${missing.skipReason.replace(/^ \(skipped: (.*) is absent\)$/, "$1")}, absent here`;
  console.warn(`skipped "${test.info().title}": ${reason}`); // the list reporter shows skips without their reason
  test.skip(true, reason);
}
