import { diffLines, diffWordsWithSpace, type ChangeObject } from "diff";

/**
 * A variation's system prompt against its setting's baseline, word by word,
 * prepared for display: long unchanged stretches are folded to their edges so
 * the change stands out. Lines are compared first and words only within
 * changed lines, which keeps long prompts (24 KB of few-shot examples) fast.
 * Whitespace counts, so both texts can be rebuilt exactly. Pure.
 */
export type DiffSegment =
  | { kind: "same"; text: string }
  | { kind: "folded"; text: string } // unchanged, hidden until opened
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string };

export interface PromptDiff {
  segments: DiffSegment[];
  addedWords: number;
  removedWords: number;
}

const CONTEXT = 240; // characters kept visible on each side of a change
const DIFF_TIMEOUT_MS = 3_000;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** null when the prompts are too different to diff in reasonable time. */
export function preparePromptDiff(baseline: string, prompt: string): PromptDiff | null {
  const changes = wordChanges(baseline, prompt);
  if (!changes) return null;
  const segments: DiffSegment[] = [];
  let addedWords = 0;
  let removedWords = 0;
  changes.forEach((change, index) => {
    if (change.added) {
      addedWords += words(change.value);
      segments.push({ kind: "added", text: change.value });
    } else if (change.removed) {
      removedWords += words(change.value);
      segments.push({ kind: "removed", text: change.value });
    } else {
      segments.push(...fold(change.value, index === 0, index === changes.length - 1));
    }
  });
  return { segments, addedWords, removedWords };
}

/** Line diff, then a word diff of each replaced block (removed lines followed by added ones). */
function wordChanges(baseline: string, prompt: string): ChangeObject<string>[] | null {
  const lines = diffLines(baseline, prompt, { timeout: DIFF_TIMEOUT_MS });
  if (!lines) return null;
  const out: ChangeObject<string>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i];
    const next = lines[i + 1];
    if (change.removed && next?.added) {
      out.push(...(diffWordsWithSpace(change.value, next.value, { timeout: DIFF_TIMEOUT_MS }) ?? [change, next]));
      i++;
    } else out.push(change);
  }
  return out;
}

/** Keeps CONTEXT characters next to each change; the first and last stretches only need their inner edge. */
function fold(text: string, first: boolean, last: boolean): DiffSegment[] {
  const keepBefore = first ? 0 : CONTEXT;
  const keepAfter = last ? 0 : CONTEXT;
  if (text.length <= keepBefore + keepAfter + CONTEXT) return [{ kind: "same", text }];
  const head = text.slice(0, keepBefore);
  const tail = text.slice(text.length - keepAfter);
  return [
    ...(head ? [{ kind: "same" as const, text: head }] : []),
    { kind: "folded", text: text.slice(keepBefore, text.length - keepAfter) },
    ...(tail ? [{ kind: "same" as const, text: tail }] : []),
  ];
}
