import { test } from "@playwright/test";
import { sharedData, type SharedData } from "@/lib/testing/shared-data";

export { sharedData };

/** Skips the current test, naming the missing file, when `data` is absent (a fresh clone); under CI sharedData() has thrown already. */
export function needs(...data: SharedData[]) {
  const missing = data.find((item) => !item.available);
  test.skip(Boolean(missing), missing ? `needs ${missing.skipReason.replace(/^ \(skipped: (.*) is absent\)$/, "$1")}, absent here` : "");
}
