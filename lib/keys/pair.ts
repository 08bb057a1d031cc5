import { PAIR_BINDINGS, type PairAction } from "./map";

/**
 * Which pair action a key press asks for. No pair key is a letter a label may
 * take today, but a schema version saved before that rule may hold one (a
 * label on `h`, say): while a side is annotated that label keeps its letter,
 * and the pair action moves to Shift+letter. Shift+letter works in both
 * modes, so it is always safe to press.
 */
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
  const entry = PAIR_BINDINGS.find((candidate) => candidate.key === key);
  if (!entry) return null;
  if (annotating && !shifted && panelKeys.has(key)) return null; // a legacy label's
  return entry.action;
}
