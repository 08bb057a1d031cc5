"use client";

import { KeyHelp, sectionOf, type KeySection } from "@/components/keys/key-help";
import { Dialog } from "@/components/ui/dialog";
import { GLOBAL_SCOPE } from "@/lib/keys/map";

/** The pair view's keys while reading (while annotating, the panel's help lists them beside the labels' keys). */
export function PairHelp({ open, pairKeys, onClose }: { open: boolean; pairKeys: KeySection; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard">
      <KeyHelp sections={[pairKeys, sectionOf(GLOBAL_SCOPE)]} />
      <p className="mt-3 text-xs text-slate-600">
        Annotating a side (<kbd>[</kbd> or <kbd>]</kbd>) adds the label schema’s letters: they mean the same as on a transcript’s page, and
        no pair key uses them.
      </p>
    </Dialog>
  );
}
