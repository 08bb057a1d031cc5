/**
 * The schema editor's errors by where they belong. Issues come from the browser's
 * own check (zod's, paths relative to the label list: "2.hotkey") and from the
 * server (the action's issues: "labels.2.hotkey", or "note"); both end up here
 * keyed by the label's index and the field's path inside it ("options.1.value").
 */
export type LabelIssues = Map<number, Map<string, string[]>>;

export interface PathIssue {
  path: string;
  message: string;
}

export function labelIssuesOf(issues: readonly PathIssue[]): { byLabel: LabelIssues; list: string[]; other: Map<string, string[]> } {
  const byLabel: LabelIssues = new Map();
  const list: string[] = [];
  const other = new Map<string, string[]>();
  for (const { path, message } of issues) {
    const [head, ...rest] = path.split(".");
    const index = Number(head);
    if (head !== "" && Number.isInteger(index)) {
      const fields = byLabel.get(index) ?? new Map<string, string[]>();
      const field = rest.join(".");
      fields.set(field, [...(fields.get(field) ?? []), message]);
      byLabel.set(index, fields);
    } else if (path === "") list.push(message);
    else other.set(path, [...(other.get(path) ?? []), message]);
  }
  return { byLabel, list, other };
}

/** A server issue's path relative to the label list ("labels.2.hotkey" → "2.hotkey", "labels" → ""); others as they are ("note"). */
export function relativeToLabels(issue: PathIssue): PathIssue {
  if (issue.path === "labels") return { ...issue, path: "" };
  return issue.path.startsWith("labels.") ? { ...issue, path: issue.path.slice("labels.".length) } : issue;
}

/** One label's errors: those of exactly `field`, or (`under`) of it and every path beneath it ("pointLabels.3"). */
export function errorsAt(fields: Map<string, string[]> | undefined, field: string, under = false): string[] | undefined {
  if (!fields) return undefined;
  const found = [...fields]
    .filter(([path]) => path === field || (under && path.startsWith(`${field}.`)))
    .flatMap(([, messages]) => messages);
  return found.length ? found : undefined;
}
