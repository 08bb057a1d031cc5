/**
 * The adjudication page's keys, in the shape of the app's key map (lib/keys
 * on branch issue-16b: a scope with bindings), so they move there as one
 * scope. None is `?` or Esc (global), and the page has no annotation panel,
 * so label letters do not apply here.
 */
export const ADJUDICATION_SCOPE = {
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
    { keys: ["?"], text: "Show or hide these keys" },
  ],
} as const;
