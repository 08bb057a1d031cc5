"use client";

import { useEffect, useState } from "react";
import { useAnnotation } from "./annotation-context";

/** Where the selection ends, if it lies in this panel's scratchpad; null otherwise. */
function selectionAnchor(scope: string): { x: number; y: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const element = (node: Node | null) => (node instanceof Element ? node : (node?.parentElement ?? null));
  const inside = (node: Node | null) => element(node)?.closest(`[data-af-scratchpad="${CSS.escape(scope)}"]`);
  if (!inside(selection.anchorNode) || !inside(selection.focusNode)) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  const last = rects[rects.length - 1];
  if (!last) return null;
  return { x: Math.min(last.right, window.innerWidth - 240), y: last.bottom + 6 };
}

/**
 * “Tag as…”: when text of the scratchpad is selected with the mouse, the span
 * labels appear beside the selection, so tagging needs no trip to the panel.
 * The buttons keep the selection (mousedown does not move it); Esc or a click
 * elsewhere closes it. The keys (a span label's letter) work as before.
 */
export function TagPopover() {
  const { scope, labels, tagSelection, locked } = useAnnotation();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const spanLabels = labels.filter((label) => label.kind === "span");

  useEffect(() => {
    const onMouseUp = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest("[data-tag-popover]")) return;
      // After the browser settled the selection of this click.
      requestAnimationFrame(() => setAt(selectionAnchor(scope)));
    };
    const onSelectionChange = () => {
      if (!window.getSelection() || window.getSelection()!.isCollapsed) setAt(null);
    };
    const onKeyDown = (event: KeyboardEvent) => event.key === "Escape" && setAt(null);
    const onScroll = () => setAt((current) => (current ? selectionAnchor(scope) : null));
    document.addEventListener("mouseup", onMouseUp);
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("scroll", onScroll, { capture: true, passive: true });
    return () => {
      document.removeEventListener("mouseup", onMouseUp);
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("scroll", onScroll, { capture: true });
    };
  }, [scope]);

  if (!at || spanLabels.length === 0 || locked) return null;
  return (
    <div
      role="group"
      aria-label="Tag as"
      data-tag-popover=""
      style={{ left: at.x, top: at.y }}
      className="fixed z-50 w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
    >
      <p className="px-2 py-1 text-xs font-semibold text-slate-600">Tag as…</p>
      {spanLabels.map((label) => (
        <button
          key={label.key}
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            tagSelection(label);
            setAt(null);
          }}
          className="flex w-full items-center gap-2 rounded px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ backgroundColor: label.color }} />
          <span className="min-w-0 flex-1 truncate">{label.name}</span>
          <kbd className="font-mono text-xs text-slate-500">{label.hotkey}</kbd>
        </button>
      ))}
    </div>
  );
}
