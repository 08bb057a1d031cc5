/**
 * The user's choice, on the import page, to keep a file's settings or models
 * apart from existing ones of the same name (by default from the demo
 * corpus's): they are stored under a name of their own instead of joining.
 */
export interface KeepApart {
  settings?: string[];
  models?: string[];
}

/** The name a setting or model kept apart is stored under. */
export function apartName(name: string, dataset: string): string {
  return `${name} (${dataset})`;
}
