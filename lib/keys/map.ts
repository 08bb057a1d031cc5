/**
 * The app's one key map. Every key a page reacts to is declared here, in a
 * scope; the `?` overlays are drawn from it (components/keys/key-help.tsx) and
 * its test (map.test.ts) holds the rules that keep a key's meaning stable:
 * - a global key means the same on every page, and no page scope reuses it;
 * - the annotation panel's keys mean the same on a transcript, a queue item
 *   and a pair side being annotated (its label letters come from the schema);
 * - page keys (the pair view's) use only letters no label may take
 *   (`PAGE_LETTERS`), so `s`, `e`, `c`, `u` are labels everywhere.
 * Pure: read by the browser and by the schema's validation on the server.
 */

export interface KeyBinding {
  /** What to press, as shown (`Shift+→`, `Ctrl+Enter`); alternatives are separate entries of the array. */
  keys: readonly string[];
  text: string;
}

export interface KeyScope {
  id: "global" | "annotation" | "selection" | "pair" | "adjudication";
  title: string;
  /** When the scope's keys apply. */
  when: string;
  bindings: readonly KeyBinding[];
}

export const GLOBAL_SCOPE: KeyScope = {
  id: "global",
  title: "Everywhere",
  when: "on every page, unless you are typing in a field",
  bindings: [
    { keys: ["?"], text: "Show or hide the keys of this page" },
    { keys: ["Esc"], text: "Close a dialog or popover, cancel a pending choice, leave a field" },
  ],
};

/** The panel's own keys besides the labels' letters (listed from the schema in use). */
export const ANNOTATION_SCOPE: KeyScope = {
  id: "annotation",
  title: "Annotation panel",
  when: "on a transcript, a queue item, and the side of a pair you annotate",
  bindings: [
    { keys: ["0", "1–9"], text: "After a one-of-many or scale label’s letter: pick that choice (0 clears)" },
    { keys: ["/"], text: "Find text in the scratchpad and select it (then a span label’s letter tags it)" },
    { keys: ["n"], text: "Write in the note (Esc leaves it)" },
    { keys: ["Enter"], text: "Submit and open the next item of the list (Ctrl+Enter in the note)" },
  ],
};

/** Moving the ends of a text selection in the scratchpad, to tag exactly the words meant. */
export const SELECTION_SCOPE: KeyScope = {
  id: "selection",
  title: "Selected text",
  when: "while text of the scratchpad is selected (by the mouse or by /)",
  bindings: [
    { keys: ["Shift+→", "Shift+←"], text: "Move the end of the selection by a character" },
    { keys: ["Ctrl+Shift+→", "Ctrl+Shift+←"], text: "Move the end of the selection by a word" },
    { keys: ["Alt+Shift+→", "Alt+Shift+←"], text: "Move the start of the selection by a word" },
    { keys: ["a span label’s letter"], text: "Tag the selection (or pick the label in the “Tag as…” popover)" },
  ],
};

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
  | "list";

/** The pair view's keys: none is a letter a label may use (a legacy schema's label wins; see pair.ts). */
export const PAIR_BINDINGS: readonly { key: string; action: PairAction; text: string }[] = [
  { key: "[", action: "annotateTraining", text: "Annotate the training side (again: stop annotating)" },
  { key: "]", action: "annotateDeployment", text: "Annotate the deployment side (again: stop annotating)" },
  { key: "j", action: "next", text: "Next pair in the list" },
  { key: "k", action: "previous", text: "Previous pair in the list" },
  { key: "h", action: "focusTraining", text: "Focus the training side (then ↑ ↓ Space scroll it)" },
  { key: "l", action: "focusDeployment", text: "Focus the deployment side" },
  { key: "o", action: "switchFocus", text: "Focus the other side" },
  { key: "=", action: "expand", text: "Expand every scratchpad" },
  { key: "-", action: "collapse", text: "Collapse every scratchpad" },
  { key: "w", action: "diff", text: "Word diff of the two scratchpads on / off" },
  { key: "y", action: "sync", text: "Synchronised scrolling on / off" },
  { key: "Backspace", action: "list", text: "Back to the list" },
];

export const PAIR_SCOPE: KeyScope = {
  id: "pair",
  title: "Pair view",
  when: "on a pair, reading or annotating a side",
  bindings: PAIR_BINDINGS.map((binding) => ({ keys: [binding.key], text: binding.text })),
};

export const SCOPES: readonly KeyScope[] = [GLOBAL_SCOPE, ANNOTATION_SCOPE, SELECTION_SCOPE, PAIR_SCOPE];

/**
 * The adjudication page's keys. Not among SCOPES' label-letter rules: the page
 * has no annotation panel, so no label letter is pressed there (its `r` and
 * `n` take nothing from a schema); it still never reuses a global key.
 */
export const ADJUDICATION_SCOPE: KeyScope = {
  id: "adjudication",
  title: "Adjudication",
  when: "on a transcript's adjudication page, unless you are typing in a field",
  bindings: [
    { keys: ["j", "↓"], text: "Next label in disagreement" },
    { keys: ["k", "↑"], text: "Previous label in disagreement" },
    { keys: ["1–9"], text: "Decide the highlighted label: that choice (as numbered in its row), saved at once with the reason" },
    { keys: ["0"], text: "Clear the highlighted label's decision" },
    { keys: ["r"], text: "Write the reason (kept for every decision on this transcript; Esc leaves it)" },
    { keys: ["n"], text: "Next disagreement waiting for a decision" },
  ],
};

const LETTERS = [..."abcdefghijklmnopqrstuvwxyz"];

/** Letters a page or the panel uses itself: a label's letter may not be one of them. */
export const PAGE_LETTERS: ReadonlySet<string> = new Set(
  SCOPES.flatMap((scope) => scope.bindings.flatMap((binding) => binding.keys)).filter((key) => /^[a-z]$/.test(key)),
);

/** The letters free for labels, in the order the schema editor offers them. */
export const LABEL_LETTERS: readonly string[] = LETTERS.filter((letter) => !PAGE_LETTERS.has(letter));

/** Keys a label's letter can never be (digits pick choices; `?` is the help). */
export const NON_LABEL_KEYS: ReadonlySet<string> = new Set([..."0123456789?", ...PAGE_LETTERS]);

/** The key of a pair action, for the buttons that show it. */
export function pairKey(action: PairAction): string {
  const binding = PAIR_BINDINGS.find((candidate) => candidate.action === action);
  if (!binding) throw new Error(`No key for the pair action ${action}`);
  return binding.key;
}
