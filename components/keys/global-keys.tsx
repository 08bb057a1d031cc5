"use client";

import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { GLOBAL_SCOPE } from "@/lib/keys/map";
import { KeyHelp, sectionOf } from "./key-help";
import { listenForKeys } from "@/lib/keys/listening";

/**
 * The global keys of lib/keys/map.ts on every page. A page with keys of its
 * own (a transcript, a pair) opens its own `?` overlay and marks the key
 * handled; elsewhere this one says that only the global keys apply.
 */
export function GlobalKeys() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if ((event.target as Element | null)?.closest?.("input, textarea, select, [contenteditable='true']")) return;
      // After every listener had the key (a page mounted later registers later): only if none took it.
      setTimeout(() => !event.defaultPrevented && setOpen((current) => !current));
    };
    return listenForKeys("global", window, onKeyDown);
  }, []);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title="Keyboard">
      <p className="mt-1 text-sm text-slate-600">This page has no keys of its own. Transcripts and pairs do: press ? there.</p>
      <KeyHelp sections={[sectionOf(GLOBAL_SCOPE)]} />
    </Dialog>
  );
}
