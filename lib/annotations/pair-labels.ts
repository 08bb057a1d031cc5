import { RESERVED_KEYS, type LabelSchema } from "./schema-definition";

/**
 * What the paired view may show of other people's labels, and which keys its
 * annotation panel owns. Pure: the server decides with these before anything
 * reaches the browser, and the tests need no database.
 */

interface Entry {
  annotation: { annotatorId: string; submittedAt: string | null };
}

/**
 * Other annotators' annotations of one transcript as a viewer may see them:
 * leads get the submitted ones (a draft is work in progress, not a label yet),
 * annotators get none: they label blind to each other. The viewer's own
 * annotation is never among them (the panel holds it).
 */
export function othersVisibleTo<T extends Entry>(
  viewer: { id: string; isLead: boolean },
  all: readonly T[],
): { others: T[]; hiddenDrafts: number } {
  if (!viewer.isLead) return { others: [], hiddenDrafts: 0 };
  const theirs = all.filter((entry) => entry.annotation.annotatorId !== viewer.id);
  const others = theirs.filter((entry) => entry.annotation.submittedAt !== null);
  return { others, hiddenDrafts: theirs.length - others.length };
}

/** Keys the panel reads besides the labels' own (lib/annotations/schema-definition.ts reserves the rest). */
const PANEL_KEYS = ["/", "Enter", "Escape"];

/**
 * Every key the annotation panel would act on for these schemas: while
 * annotating, the pair view leaves them to the panel and offers its own action
 * on Shift+key instead (so `d` tags criterion d, Shift+D toggles the diff).
 */
export function panelKeys(schemas: readonly (LabelSchema | null | undefined)[]): string[] {
  const keys = new Set<string>([...RESERVED_KEYS, ...PANEL_KEYS]);
  for (const schema of schemas) for (const label of schema?.labels ?? []) keys.add(label.hotkey);
  return [...keys].sort();
}
