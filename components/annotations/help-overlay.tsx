"use client";

import { KeyHelp, sectionOf, type KeySection } from "@/components/keys/key-help";
import { Dialog } from "@/components/ui/dialog";
import { LABEL_KIND_NAMES } from "@/lib/annotations/schema-definition";
import { ANNOTATION_SCOPE, GLOBAL_SCOPE, SELECTION_SCOPE } from "@/lib/keys/map";
import { useAnnotation } from "./annotation-context";

export { Key } from "@/components/keys/key-help";

const KIND_HINT = {
  boolean: "cycles yes → no → unset",
  choice: "then 1-9 picks, 0 clears (again: next option)",
  scale: "then the number picks, 0 clears",
  span: "tags the text selected in the scratchpad",
} as const;

/**
 * Every key of the page, from the key map (lib/keys/map.ts) and the labels of
 * the schema the annotation uses. `?` opens it, Esc closes it.
 */
export function HelpOverlay() {
  const { helpOpen, setHelpOpen, labels, wording } = useAnnotation();
  const sections: KeySection[] = [
    {
      title: "Labels",
      when: "the letters of the label schema this annotation is made under",
      rows: labels.map((label) => ({
        keys: [label.hotkey],
        text: (
          <>
            <span className="font-medium">{label.name}</span>
            <span className="ml-2 text-xs text-slate-600">
              {LABEL_KIND_NAMES[label.kind]}: {KIND_HINT[label.kind]}
            </span>
          </>
        ),
      })),
    },
    sectionOf(ANNOTATION_SCOPE, (keys, text) => (keys.includes("Enter") && wording?.submitHelp) || text),
    sectionOf(SELECTION_SCOPE),
    ...(wording?.moreKeys ? [wording.moreKeys] : []),
    sectionOf(GLOBAL_SCOPE),
  ];
  return (
    <Dialog open={helpOpen} onClose={() => setHelpOpen(false)} title="Keyboard">
      <KeyHelp sections={sections} />
      <p className="mt-3 text-xs text-slate-600">
        Everything also works with the mouse: the buttons in the panel, “Tag as…” beside text you select, and × to remove a span. Hover a
        highlight to see its label and author.
      </p>
    </Dialog>
  );
}
