import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import { describeValue, type LabelValue } from "@/lib/annotations/values";
import type { TeamAuditAction } from "./audit";

/**
 * A team audit row's details as a reader wants them: the label by its name,
 * values by their names ("Full", not "full"), the lead's reason in words;
 * never the stored JSON. Keys this does not know are shown as "key: value",
 * so nothing recorded is hidden from the log.
 */
export interface AuditDetail {
  term: string;
  text: string;
}

const show = (label: LabelDefinition | undefined, value: unknown): string => {
  if (value === null || value === undefined) return "none";
  if (label?.kind === "span") return value ? "Has evidence" : "No evidence";
  return describeValue(label, value as LabelValue);
};

const plain = (value: unknown): string =>
  value === null || value === undefined ? "none" : typeof value === "object" ? JSON.stringify(value) : String(value);

export function describeTeamDetails(action: TeamAuditAction, details: Record<string, unknown>, labels: LabelDefinition[]): AuditDetail[] {
  const out: AuditDetail[] = [];
  const rest = { ...details };
  if (action === "adjudicate" || action === "adjudication_clear") {
    const key = typeof details.labelKey === "string" ? details.labelKey : undefined;
    const label = labels.find((candidate) => candidate.key === key);
    if (key !== undefined) out.push({ term: "Label", text: label?.name ?? key });
    out.push({ term: "Decision", text: `${show(label, details.before)} → ${show(label, details.after)}` });
    const note = typeof details.note === "string" ? details.note.trim() : "";
    out.push({ term: "Reason", text: note ? `“${note}”` : "none given" });
    delete rest.labelKey;
    delete rest.before;
    delete rest.after;
    delete rest.note;
  }
  if (action === "item_claim" && typeof details.itemId === "number") {
    out.push({ term: "Item", text: `#${details.itemId}` });
    delete rest.itemId;
  }
  for (const [key, value] of Object.entries(rest)) out.push({ term: key, text: plain(value) });
  return out;
}
