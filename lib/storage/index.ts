import { storageFromEnv } from "./config";
import type { Storage } from "./types";

export type { DownloadOptions, ObjectInfo, Storage } from "./types";
export { storageFromEnv } from "./config";

const globalForStorage = globalThis as unknown as { storage?: Storage };

/** The process's storage, configured from the environment once (lib/storage/config.ts). */
export function storage(): Storage {
  globalForStorage.storage ??= storageFromEnv();
  return globalForStorage.storage;
}
