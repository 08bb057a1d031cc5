import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Real third-party data for tests lives beside the checkout, in `../shared/data`
 * (see its README); it is never copied into the repository. A fresh clone may
 * not have it: tests that need it then skip and say why. CI always has it, so
 * there a missing file is a failure, never a silent skip.
 */
export const SHARED_DATA_DIR = path.resolve(import.meta.dirname, "../../../shared/data");

export interface SharedData {
  /** The absolute path of the file or folder asked for. */
  path: string;
  available: boolean;
  /** Why the tests that need it are skipped: pass it to `describe.skipIf(!data.available)` names. */
  skipReason: string;
}

/** `relative` inside ../shared/data; throws when it is absent and `CI` is set. */
export function sharedData(relative = ""): SharedData {
  const full = path.join(SHARED_DATA_DIR, relative);
  const available = existsSync(full);
  if (!available && process.env.CI) {
    throw new Error(`CI must have the shared test data, but ${full} is missing (expected ../shared/data beside the checkout).`);
  }
  return { path: full, available, skipReason: available ? "" : ` (skipped: ${path.join("../shared/data", relative)} is absent)` };
}
