import { diffWords } from "diff";

/**
 * A word-level diff of the training and the deployment scratchpad, split into
 * what each side shows: the training side its text with the words only it has
 * marked, the deployment side likewise. Bounded: two long, very different
 * scratchpads would make the diff quadratic, so past MAX_EDIT_LENGTH edits (or
 * TIMEOUT_MS, a safety net) it gives up and says so instead of hanging.
 */
export const MAX_EDIT_LENGTH = 4_000;
const TIMEOUT_MS = 1_500;

export interface DiffSpan {
  text: string;
  /** Words only this side has. */
  changed: boolean;
}

export type ScratchpadDiff =
  | { ok: true; training: DiffSpan[]; deployment: DiffSpan[]; changedWords: { training: number; deployment: number } }
  | { ok: false; reason: "too_different" | "empty" };

export function diffScratchpads(training: string, deployment: string, maxEditLength = MAX_EDIT_LENGTH): ScratchpadDiff {
  if (!training.trim() && !deployment.trim()) return { ok: false, reason: "empty" };
  const changes = diffWords(training, deployment, { maxEditLength, timeout: TIMEOUT_MS });
  if (!changes) return { ok: false, reason: "too_different" };
  const left: DiffSpan[] = [];
  const right: DiffSpan[] = [];
  const changedWords = { training: 0, deployment: 0 };
  for (const change of changes) {
    if (change.removed) {
      push(left, change.value, true);
      changedWords.training += change.count;
    } else if (change.added) {
      push(right, change.value, true);
      changedWords.deployment += change.count;
    } else {
      push(left, change.value, false);
      push(right, change.value, false);
    }
  }
  return { ok: true, training: left, deployment: right, changedWords };
}

function push(spans: DiffSpan[], text: string, changed: boolean) {
  const last = spans[spans.length - 1];
  if (last && last.changed === changed) last.text += text;
  else spans.push({ text, changed });
}
