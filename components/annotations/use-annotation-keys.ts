"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { valueForDigit } from "@/lib/annotations/doc";
import type { useAnnotation } from "./annotation-context";
import { listenForKeys } from "@/lib/keys/listening";

type State = ReturnType<typeof useAnnotation>;

export const noteFieldId = (scope: string) => `${scope}-note`;

/**
 * The panel's keys (the help overlay, `?`, lists them):
 * - a label's key: yes/no labels cycle yes → no → unset; one-of-many and
 *   scale labels are armed, then a digit picks (0 clears) or the key again
 *   cycles; span labels tag the current text selection;
 * - `/` finds text in the scratchpad and selects it; `n` goes to the note;
 * - Enter (Ctrl/⌘+Enter inside the note) submits and opens the next transcript;
 * - Esc closes, disarms, or leaves the note.
 * - with scratchpad text selected, Shift+←/→ move its end by a character,
 *   Ctrl+Shift+←/→ by a word, Alt+Shift+←/→ move its start by a word.
 * Keys typed into a field are the field's, except Ctrl/⌘+Enter and Esc.
 * lib/keys/map.ts declares them all (the `?` overlay is drawn from it).
 */
export function useAnnotationKeys(state: State, enabled: boolean) {
  const ref = useRef(state);
  // The listener below is added once; it reads the state of the latest render.
  useLayoutEffect(() => {
    ref.current = state;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const s = ref.current;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.isComposing || event.defaultPrevented) return;
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        void s.submitAndNext();
        return;
      }
      if (target?.closest("input, textarea, select, [contenteditable='true']")) {
        if (event.key === "Escape") target.blur();
        return;
      }
      if (extendSelection(event, s.scope)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      if (key === "Escape") {
        s.setHelpOpen(false);
        s.setFindOpen(false);
        s.setArmed(null);
        return;
      }
      if (key === "?") {
        event.preventDefault();
        s.setHelpOpen(!s.helpOpen);
        return;
      }
      if (s.helpOpen) return;
      if (key === "Enter") {
        if (target?.closest("button, a, summary")) return; // Enter activates what has focus
        event.preventDefault();
        void s.submitAndNext();
        return;
      }
      if (key === "/") {
        event.preventDefault();
        s.setFindOpen(true);
        return;
      }
      if (key === "n") {
        event.preventDefault();
        document.getElementById(noteFieldId(s.scope))?.focus();
        return;
      }
      const armed = s.armedRef.current;
      if (/^[0-9]$/.test(key) && armed) {
        const label = s.labels.find((candidate) => candidate.key === armed);
        if (!label) return;
        event.preventDefault();
        const digit = Number(key);
        const value = digit === 0 ? undefined : valueForDigit(label, digit);
        if (digit !== 0 && value === undefined) return s.say(`${label.name} has no choice ${digit}.`);
        s.dispatch({ type: "set", key: label.key, value });
        s.setArmed(null);
        return;
      }
      const label = s.labels.find((candidate) => candidate.hotkey === key.toLowerCase());
      if (!label) return;
      event.preventDefault();
      if (label.kind === "span") {
        s.setArmed(null);
        s.tagSelection(label);
      } else if (label.kind === "boolean") {
        s.setArmed(null);
        s.dispatch({ type: "cycle", label });
      } else if (armed === label.key) {
        s.dispatch({ type: "cycle", label });
      } else {
        s.setArmed(label.key);
      }
    };
    return listenForKeys("annotation", window, onKeyDown);
  }, [enabled]);
}

/**
 * The selection keys (lib/keys/map.ts, "Selected text"): the browser moves a
 * selection by keys only in editable text, so the scratchpad's is moved here.
 * True when the key was one of them.
 */
function extendSelection(event: KeyboardEvent, scope: string): boolean {
  if (!event.shiftKey || event.metaKey || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return false;
  const selection = window.getSelection();
  const element = (node: Node | null) => (node instanceof Element ? node : (node?.parentElement ?? null));
  const inScope = (node: Node | null) => element(node)?.closest(`[data-af-scratchpad="${CSS.escape(scope)}"]`);
  if (!selection || selection.isCollapsed || !inScope(selection.anchorNode) || !inScope(selection.focusNode)) return false;
  event.preventDefault();
  const direction = event.key === "ArrowRight" ? "forward" : "backward";
  if (!event.altKey) {
    selection.modify("extend", direction, event.ctrlKey ? "word" : "character");
    return true;
  }
  // The start: turn the selection round, move its (now) focus, turn it back.
  const range = selection.getRangeAt(0);
  const { startContainer, startOffset, endContainer, endOffset } = range;
  selection.setBaseAndExtent(endContainer, endOffset, startContainer, startOffset);
  selection.modify("extend", direction, "word");
  const start = { node: selection.focusNode!, offset: selection.focusOffset };
  selection.setBaseAndExtent(start.node, start.offset, endContainer, endOffset);
  return true;
}
