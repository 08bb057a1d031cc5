/**
 * The paired view's keys. While a side is annotated, the annotation panel owns
 * its keys (every label's letter, digits, n, /, Enter, Esc, ?): a pair key the
 * panel also uses moves to Shift+key (`d` tags criterion d, Shift+D toggles
 * the diff). Shift+key works in both modes, so it is always safe to press.
 */
export type PairAction =
  | "annotateTraining"
  | "annotateDeployment"
  | "next"
  | "previous"
  | "focusTraining"
  | "focusDeployment"
  | "switchFocus"
  | "expand"
  | "collapse"
  | "diff"
  | "sync"
  | "list"
  | "help";

export const PAIR_KEYS: { key: string; action: PairAction; text: string }[] = [
  { key: "[", action: "annotateTraining", text: "Annotate the training side (again: stop annotating)" },
  { key: "]", action: "annotateDeployment", text: "Annotate the deployment side (again: stop annotating)" },
  { key: "j", action: "next", text: "Next pair in the list" },
  { key: "k", action: "previous", text: "Previous pair in the list" },
  { key: "h", action: "focusTraining", text: "Focus the training side (then ↑ ↓ Space scroll it)" },
  { key: "l", action: "focusDeployment", text: "Focus the deployment side" },
  { key: "s", action: "switchFocus", text: "Switch focus to the other side" },
  { key: "e", action: "expand", text: "Expand every scratchpad" },
  { key: "c", action: "collapse", text: "Collapse every scratchpad" },
  { key: "d", action: "diff", text: "Word diff of the two scratchpads on / off" },
  { key: "y", action: "sync", text: "Synchronised scrolling on / off" },
  { key: "u", action: "list", text: "Back to the list" },
  { key: "?", action: "help", text: "This help; Esc closes it" },
];

/** The key to press for a pair key now: itself, or Shift+it while annotating when the panel uses it. */
export function effectiveKey(key: string, annotating: boolean, panelKeys: ReadonlySet<string>): string {
  return annotating && panelKeys.has(key) && /^[a-z]$/.test(key) ? `Shift+${key.toUpperCase()}` : key;
}

/** The pair action a key press asks for, or null when it is not the pair view's (then the panel may take it). */
export function pairActionFor(
  event: { key: string; shiftKey: boolean },
  annotating: boolean,
  panelKeys: ReadonlySet<string>,
): PairAction | null {
  const shifted = event.shiftKey && /^[A-Z]$/.test(event.key);
  const key = shifted ? event.key.toLowerCase() : event.key;
  const entry = PAIR_KEYS.find((candidate) => candidate.key === key);
  if (!entry) return null;
  if (annotating && !shifted && panelKeys.has(key)) return null; // the panel's
  return entry.action;
}
