"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  AnnotationPanel,
  AnnotationProvider,
  type AnnotationHandle,
  type AnnotationProviderProps,
} from "@/components/annotations/annotation-panel";
import { PAIR_BINDINGS, PAIR_SCOPE, pairKey, type PairAction } from "@/lib/keys/map";
import { effectiveKey, pairActionFor } from "@/lib/keys/pair";
import { PAIR_MODE_COOKIE, type PairMode } from "@/lib/annotations/pair-mode";
import type { KeySection } from "@/components/keys/key-help";
import { PairHelp } from "./pair-help";
import { PairModeContext } from "./pair-mode-context";
import { PairToolbar } from "./pair-toolbar";
import { listenForKeys } from "@/lib/keys/listening";

type SideName = "training" | "deployment";
const SIDES: SideName[] = ["training", "deployment"];
const other = (side: SideName): SideName => (side === "training" ? "deployment" : "training");

export interface PairLinks {
  previous: string | null;
  next: string | null;
  list: string;
  /** The same pair with the word diff toggled; null when there is nothing to diff. */
  toggleDiff: string | null;
}

/** One side as the server rendered it, and what its annotation panel needs. */
export interface PairSideSlot {
  plain: ReactNode;
  /** The side drawn as a word diff (when the diff is on). */
  diff: ReactNode | null;
  /** The side's labels, shown under it. */
  labels: ReactNode;
  annotation: Omit<AnnotationProviderProps, "children" | "keyboard" | "nextHref" | "alsoSubmit" | "handleRef" | "wording">;
}

const PANE_RING: Record<SideName, string> = { training: "ring-orange-400", deployment: "ring-sky-400" };
const COL = ["col-start-1", "col-start-2", "col-start-3"];

/**
 * The interactive shell of the paired view: the two server-rendered sides in
 * their own scroll panes, synchronised scrolling, expand/collapse, keyboard
 * navigation, and the annotation panel for one side at a time. Each side has
 * its own annotation (provider, autosave, leave warning) for as long as the
 * pair is open; only the annotated side's panel shows and hears the keys.
 */
export function PairWorkspace({
  training,
  deployment,
  links,
  diffOn,
  panelKeys,
  initialMode,
}: {
  training: PairSideSlot | null;
  deployment: PairSideSlot | null;
  links: PairLinks;
  diffOn: boolean;
  panelKeys: string[];
  initialMode: PairMode;
}) {
  const router = useRouter();
  const slots = { training, deployment };
  const present = SIDES.filter((side) => slots[side]);
  const trainingPane = useRef<HTMLDivElement>(null);
  const deploymentPane = useRef<HTMLDivElement>(null);
  const panes = useMemo(() => ({ training: trainingPane, deployment: deploymentPane }), []);
  const handles = { training: useRef<AnnotationHandle>(null), deployment: useRef<AnnotationHandle>(null) };
  const [mode, setModeState] = useState<PairMode>(initialMode && slots[initialMode] ? initialMode : initialMode ? present[0] : null);
  const [sync, setSync] = useState(true);
  const [help, setHelp] = useState(false);
  const ready = useHydrated();
  const claimed = useMemo(() => new Set(panelKeys), [panelKeys]);
  const alone = present.length < 2;

  const focusSide = useCallback(
    (side: SideName) => {
      const pane = panes[side].current;
      pane?.focus({ preventScroll: true });
      pane?.scrollIntoView({ block: "nearest" });
    },
    [panes],
  );

  const setMode = useCallback(
    (next: PairMode) => {
      setModeState(next);
      // A session cookie, read by the server: the next pair opens annotating the same side.
      document.cookie = `${PAIR_MODE_COOKIE}=${next ?? ""}; path=/pairs; SameSite=Lax${next ? "" : "; Max-Age=0"}`;
      if (next) focusSide(next);
    },
    [focusSide],
  );
  // Keys move on with router.push, which the leave warning does not see: save both sides first.
  const navigate = async (href: string, options?: { scroll: boolean }) => {
    const saved = await Promise.all(SIDES.map((side) => handles[side].current?.save() ?? true));
    if (saved.every(Boolean)) router.push(href, options);
  };
  const toggleAnnotating = (side: SideName) => slots[side] && setMode(mode === side ? null : side);

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
  }, [sync, mode, panes]);

  // On `document`, so that it runs before the annotation panel's listener (on
  // `window`): a key it takes is marked handled and the panel ignores it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      if (help && event.key === "Escape") return setHelp(false);
      if (event.key === "?" && mode === null) {
        event.preventDefault(); // while a side is annotated, the panel's help lists the pair keys too
        return setHelp((open) => !open);
      }
      const action = pairActionFor(event, mode !== null, claimed);
      if (!action) return;
      const active = document.activeElement === panes.deployment.current ? "deployment" : "training";
      const actions: Record<PairAction, () => void> = {
        annotateTraining: () => toggleAnnotating("training"),
        annotateDeployment: () => toggleAnnotating("deployment"),
        next: () => links.next && void navigate(links.next),
        previous: () => links.previous && void navigate(links.previous),
        focusTraining: () => focusSide("training"),
        focusDeployment: () => focusSide("deployment"),
        switchFocus: () => focusSide(other(active)),
        expand: () => setAllOpen(true),
        collapse: () => setAllOpen(false),
        diff: () => links.toggleDiff && void navigate(links.toggleDiff, { scroll: false }),
        sync: () => setSync((on) => !on),
        list: () => void navigate(links.list),
      };
      event.preventDefault();
      actions[action]();
    };
    return listenForKeys("pair", document, onKey);
  });

  const keyOf = (key: string) => effectiveKey(key, mode !== null, claimed);
  // The map's pair keys as they are pressed now (a legacy label letter moves its pair key to Shift).
  const pairKeys: KeySection = {
    title: PAIR_SCOPE.title,
    when: PAIR_SCOPE.when,
    rows: PAIR_BINDINGS.map((entry) => ({ keys: [keyOf(entry.key)], text: entry.text })),
  };
  const columns = present.length + (mode ? 1 : 0);
  const grid =
    columns === 1
      ? "grid"
      : columns === 2
        ? mode
          ? "grid grid-cols-[minmax(0,1fr)_20rem] gap-3"
          : "grid grid-cols-2 gap-3"
        : "grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_18rem] gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_22rem]";

  return (
    <PairModeContext.Provider value={mode}>
      <div className="space-y-2" data-keyboard-ready={ready || undefined} data-pair-mode={mode ?? "reading"}>
        <PairToolbar
          links={links}
          diffOn={diffOn}
          sync={sync}
          setSync={setSync}
          alone={alone}
          mode={mode}
          present={present}
          keyOf={keyOf}
          onAnnotate={toggleAnnotating}
          onExpand={setAllOpen}
          onHelp={() => setHelp(true)}
        />
        {diffOn && mode && !alone && links.toggleDiff && (
          <p role="note" className="text-xs text-slate-600">
            While you annotate the {mode} side it shows your highlights instead of the diff; the word diff stays on the {other(mode)} side.
          </p>
        )}
        <div className={grid}>
          {present.map((side, index) => {
            const slot = slots[side]!;
            const annotated = mode === side;
            return (
              <AnnotationProvider
                key={`${side}-${slot.annotation.transcriptId}`}
                {...slot.annotation}
                keyboard={annotated}
                nextHref={links.next}
                handleRef={handles[side]}
                alsoSubmit={async () => {
                  const partner = handles[other(side)].current;
                  if (!partner) return "empty";
                  const outcome = await partner.submitIfLabelled();
                  if (outcome === "failed") setMode(other(side)); // its panel says why
                  return outcome;
                }}
                wording={{
                  submit: links.next ? "Submit pair & next" : "Submit pair",
                  submitHelp:
                    "Submit your labels of this pair (each side you labelled) and open the next pair of the list (Ctrl+Enter in the note)",
                  moreKeys: pairKeys,
                }}
              >
                <div
                  ref={panes[side]}
                  tabIndex={0}
                  aria-label={`${side === "training" ? "Training" : "Deployment"} side`}
                  data-annotated={annotated || undefined}
                  // Selecting highlighted text of the other side while annotating moves the panel there: that is
                  // the text to tag. (Only where the text is already drawn for tagging: redrawing would drop the selection.)
                  onMouseUp={() => mode && !annotated && selectionIn(panes[side].current) && setMode(side)}
                  className={`pair-pane ${COL[index]} row-start-1 h-[calc(100vh-5rem)] min-h-96 overflow-y-auto rounded-lg border bg-white p-3 focus:outline-none focus:ring-2 ${PANE_RING[side]} ${annotated ? "border-transparent ring-2" : "border-slate-200"}`}
                >
                  {diffOn && !annotated && slot.diff ? slot.diff : slot.plain}
                </div>
                <div className={`${COL[index]} row-start-2`}>{slot.labels}</div>
                {annotated && (
                  <aside
                    aria-label="Annotation panel"
                    className={`${COL[present.length]} row-start-1 flex h-[calc(100vh-5rem)] min-h-96 flex-col gap-2 overflow-y-auto`}
                  >
                    <SideBanner
                      side={side}
                      switchKey={
                        present.length > 1 ? keyOf(pairKey(side === "training" ? "annotateDeployment" : "annotateTraining")) : null
                      }
                      stopKey={keyOf(pairKey(side === "training" ? "annotateTraining" : "annotateDeployment"))}
                      onSwitch={() => setMode(other(side))}
                      onStop={() => setMode(null)}
                    />
                    <AnnotationPanel />
                  </aside>
                )}
              </AnnotationProvider>
            );
          })}
        </div>
        <PairHelp open={help} pairKeys={pairKeys} onClose={() => setHelp(false)} />
      </div>
    </PairModeContext.Provider>
  );
}

function selectionIn(pane: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!pane || !selection || selection.isCollapsed) return false;
  const node = selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode?.parentElement;
  return Boolean(node?.closest("[data-af-scratchpad]") && pane.contains(node));
}

const BANNER: Record<SideName, string> = {
  training: "border-orange-300 bg-orange-50 text-orange-900",
  deployment: "border-sky-300 bg-sky-50 text-sky-900",
};

/** Which side the panel below labels, in that side's colour, with the ways to change it. */
function SideBanner({
  side,
  switchKey,
  stopKey,
  onSwitch,
  onStop,
}: {
  side: SideName;
  switchKey: string | null;
  stopKey: string;
  onSwitch: () => void;
  onStop: () => void;
}) {
  const kbd = (text: string) => <kbd className="ml-1 rounded border border-current/30 bg-white/70 px-1 font-mono text-[10px]">{text}</kbd>;
  return (
    <div role="status" className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border-l-4 px-3 py-2 text-sm ${BANNER[side]}`}>
      <span>
        Annotating the <strong>{side}</strong> side
      </span>
      <span className="ml-auto flex gap-2 text-xs">
        {switchKey && (
          <button type="button" onClick={onSwitch} className="underline-offset-2 hover:underline">
            {other(side)}
            {kbd(switchKey)}
          </button>
        )}
        <button type="button" onClick={onStop} className="underline-offset-2 hover:underline">
          stop{kbd(stopKey)}
        </button>
      </span>
    </div>
  );
}

const noSubscription = () => () => {};
/** False in the server's HTML and during hydration, true once the page is interactive (keys work). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
