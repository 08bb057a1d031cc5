"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

type SideName = "training" | "deployment";

export interface PairLinks {
  previous: string | null;
  next: string | null;
  list: string;
  /** The same pair with the word diff toggled; null when there is nothing to diff. */
  toggleDiff: string | null;
}

const KEYS: [string, string][] = [
  ["j", "Next pair in the list"],
  ["k", "Previous pair in the list"],
  ["h / l", "Focus the training / deployment side (then ↑ ↓ Space scroll it)"],
  ["s", "Switch focus to the other side"],
  ["e / c", "Expand / collapse every scratchpad"],
  ["d", "Word diff of the two scratchpads on / off"],
  ["y", "Synchronised scrolling on / off"],
  ["u", "Back to the list"],
  ["?", "This help; Esc closes it"],
];

/**
 * The interactive shell of the paired view: the two server-rendered sides in
 * their own scroll panes, synchronised scrolling, expand/collapse, keyboard
 * navigation and the keys overlay. All transcript content arrives as children.
 */
export function PairWorkspace({ training, deployment, links, diffOn }: { training: ReactNode; deployment: ReactNode; links: PairLinks; diffOn: boolean }) {
  const router = useRouter();
  const panes = { training: useRef<HTMLDivElement>(null), deployment: useRef<HTMLDivElement>(null) };
  const [sync, setSync] = useState(true);
  const [help, setHelp] = useState(false);
  const alone = !training || !deployment;

  const focusSide = useCallback((side: SideName) => {
    const pane = (side === "training" ? panes.training : panes.deployment).current;
    pane?.focus({ preventScroll: true });
    pane?.scrollIntoView({ block: "nearest" });
  }, [panes.training, panes.deployment]);

  const setAllOpen = (open: boolean) => {
    for (const pane of [panes.training.current, panes.deployment.current]) {
      pane?.querySelectorAll<HTMLDetailsElement>("details[data-collapsible]").forEach((details) => (details.open = open));
    }
  };

  useEffect(() => {
    const left = panes.training.current;
    const right = panes.deployment.current;
    if (!sync || !left || !right) return;
    let leader: HTMLElement | null = null;
    const follow = (source: HTMLElement, target: HTMLElement) => () => {
      if (leader && leader !== source) return; // the echo of our own scrolling
      leader = source;
      const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight);
      target.scrollTop = ratio * (target.scrollHeight - target.clientHeight);
      requestAnimationFrame(() => (leader = null));
    };
    const onLeft = follow(left, right);
    const onRight = follow(right, left);
    left.addEventListener("scroll", onLeft, { passive: true });
    right.addEventListener("scroll", onRight, { passive: true });
    return () => {
      left.removeEventListener("scroll", onLeft);
      right.removeEventListener("scroll", onRight);
    };
  }, [sync, panes.training, panes.deployment]);

  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      if (help && event.key === "Escape") return setHelp(false);
      const active = document.activeElement === panes.deployment.current ? "deployment" : "training";
      const actions: Record<string, () => void> = {
        j: () => links.next && router.push(links.next),
        k: () => links.previous && router.push(links.previous),
        h: () => focusSide("training"),
        l: () => focusSide("deployment"),
        s: () => focusSide(active === "training" ? "deployment" : "training"),
        e: () => setAllOpen(true),
        c: () => setAllOpen(false),
        d: () => links.toggleDiff && router.push(links.toggleDiff, { scroll: false }),
        y: () => setSync((on) => !on),
        u: () => router.push(links.list),
        "?": () => setHelp((open) => !open),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const button = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-100";
  const toggle = (on: boolean) => `rounded-md border px-2 py-1 text-xs ${on ? "border-indigo-400 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`;
  const key = (text: string) => <kbd className="ml-1 rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[10px] text-slate-500">{text}</kbd>;
  return (
    <div className="space-y-2" data-keyboard-ready={ready || undefined}>
      <div role="toolbar" aria-label="Pair view controls" className="flex flex-wrap items-center gap-1.5">
        <NavLink href={links.previous} label="← Previous pair" hint="k" className={button} />
        <NavLink href={links.next} label="Next pair →" hint="j" className={button} />
        <span className="mx-1 h-5 w-px bg-slate-200" />
        {!alone && (
          <button type="button" aria-pressed={sync} onClick={() => setSync((on) => !on)} className={toggle(sync)}>
            Sync scroll {sync ? "on" : "off"}
            {key("y")}
          </button>
        )}
        {links.toggleDiff && (
          <Link href={links.toggleDiff} scroll={false} aria-pressed={diffOn} className={toggle(diffOn)}>
            Word diff {diffOn ? "on" : "off"}
            {key("d")}
          </Link>
        )}
        <button type="button" onClick={() => setAllOpen(true)} className={button}>
          Expand all{key("e")}
        </button>
        <button type="button" onClick={() => setAllOpen(false)} className={button}>
          Collapse all{key("c")}
        </button>
        <button type="button" onClick={() => setHelp(true)} className={`${button} ml-auto`}>
          Keyboard{key("?")}
        </button>
      </div>
      <div className={alone ? "" : "grid grid-cols-2 gap-3"}>
        {training && (
          <div ref={panes.training} tabIndex={0} aria-label="Training side" className="pair-pane h-[calc(100vh-5rem)] min-h-96 overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-orange-400 focus:ring-2 focus:ring-orange-400">
            {training}
          </div>
        )}
        {deployment && (
          <div ref={panes.deployment} tabIndex={0} aria-label="Deployment side" className="pair-pane h-[calc(100vh-5rem)] min-h-96 overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 focus:outline-none focus:ring-2 focus:ring-sky-400">
            {deployment}
          </div>
        )}
      </div>
      {help && (
        <div role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onClick={() => setHelp(false)}>
          <div className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl" onClick={(event) => event.stopPropagation()}>
            <h2 className="text-base font-semibold">Keyboard shortcuts</h2>
            <table className="mt-3 w-full text-sm">
              <tbody className="divide-y divide-slate-100">
                {KEYS.map(([keys, action]) => (
                  <tr key={keys}>
                    <td className="w-20 py-1.5 font-mono text-xs">{keys}</td>
                    <td className="py-1.5 text-slate-700">{action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => setHelp(false)} className="mt-4 rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
              Close
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function NavLink({ href, label, hint, className }: { href: string | null; label: string; hint: string; className: string }) {
  if (!href) return <span className={`${className} cursor-not-allowed opacity-40`}>{label}</span>;
  return (
    <Link href={href} className={className} aria-keyshortcuts={hint}>
      {label}
    </Link>
  );
}
