"use client";

import { pairKey } from "@/lib/keys/map";
import Link from "next/link";
import type { PairMode } from "@/lib/annotations/pair-mode";
import type { PairLinks } from "./pair-workspace";

type SideName = "training" | "deployment";

const button = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-100";
const toggle = (on: boolean) =>
  `rounded-md border px-2 py-1 text-xs ${on ? "border-indigo-400 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`;
const ANNOTATE_ON: Record<SideName, string> = {
  training: "border-orange-400 bg-orange-50 font-medium text-orange-900",
  deployment: "border-sky-400 bg-sky-50 font-medium text-sky-900",
};
// ⇧ keeps the buttons on one line at 1024 px; the help spells out "Shift+".
const key = (text: string) => (
  <kbd title={text} className="ml-1 rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[10px] text-slate-500">
    {text.replace("Shift+", "⇧")}
  </kbd>
);

/** The pair view's controls; each shows the key that does the same now (keyOf: Shift+ while a label uses the letter). */
export function PairToolbar(props: {
  links: PairLinks;
  diffOn: boolean;
  sync: boolean;
  setSync: (update: (on: boolean) => boolean) => void;
  alone: boolean;
  mode: PairMode;
  present: SideName[];
  keyOf: (key: string) => string;
  onAnnotate: (side: SideName) => void;
  onExpand: (open: boolean) => void;
  onHelp: () => void;
}) {
  const { links, diffOn, sync, alone, mode, present, keyOf } = props;
  return (
    <div role="toolbar" aria-label="Pair view controls" className="flex flex-wrap items-center gap-1.5">
      <NavLink href={links.previous} label="← Previous pair" hint={keyOf(pairKey("previous"))} />
      <NavLink href={links.next} label="Next pair →" hint={keyOf(pairKey("next"))} />
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <div role="group" aria-label="Annotate a side" className="flex items-center gap-1">
        <span className="text-xs text-slate-500">Annotate</span>
        {present.map((side) => (
          <button
            key={side}
            type="button"
            aria-pressed={mode === side}
            onClick={() => props.onAnnotate(side)}
            className={`rounded-md border px-2 py-1 text-xs ${mode === side ? ANNOTATE_ON[side] : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {side === "training" ? "Training" : "Deployment"}
            {key(keyOf(pairKey(side === "training" ? "annotateTraining" : "annotateDeployment")))}
          </button>
        ))}
      </div>
      <span className="mx-1 h-5 w-px bg-slate-200" />
      {!alone && (
        <button type="button" aria-pressed={sync} onClick={() => props.setSync((on) => !on)} className={toggle(sync)}>
          Sync<span className="max-xl:sr-only"> scroll</span> {sync ? "on" : "off"}
          {key(keyOf(pairKey("sync")))}
        </button>
      )}
      {links.toggleDiff && (
        <Link href={links.toggleDiff} scroll={false} className={toggle(diffOn)}>
          Word diff {diffOn ? "on" : "off"}
          {key(keyOf(pairKey("diff")))}
        </Link>
      )}
      <button type="button" onClick={() => props.onExpand(true)} className={button}>
        Expand<span className="max-xl:sr-only"> all</span>
        {key(keyOf(pairKey("expand")))}
      </button>
      <button type="button" onClick={() => props.onExpand(false)} className={button}>
        Collapse<span className="max-xl:sr-only"> all</span>
        {key(keyOf(pairKey("collapse")))}
      </button>
      {!mode && (
        <button type="button" onClick={props.onHelp} className={`${button} ml-auto`}>
          Keyboard{key("?")}
        </button>
      )}
    </div>
  );
}

function NavLink({ href, label, hint }: { href: string | null; label: string; hint: string }) {
  if (!href)
    return (
      <span aria-disabled="true" className={`${button} cursor-not-allowed text-slate-500`}>
        {label}
      </span>
    );
  return (
    <Link href={href} className={button} aria-keyshortcuts={hint}>
      {label}
    </Link>
  );
}
