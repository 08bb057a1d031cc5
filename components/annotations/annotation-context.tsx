"use client";

import type { KeySection } from "@/components/keys/key-help";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useId, useImperativeHandle, useMemo, useReducer, useRef, useState } from "react";
import { docReducer, migrateDoc, spanFromStoredRange, type AnnotationDoc, type DocAction } from "@/lib/annotations/doc";
import { scratchpadBlockRanges, type OffsetRange } from "@/lib/annotations/offsets";
import type { AnnotationView } from "@/lib/annotations/queries";
import type { LabelDefinition, LabelSchema } from "@/lib/annotations/schema-definition";
import { startNavigationProgress } from "@/components/layout/navigation-progress";
import { clearSelection, selectedRange } from "./selection";
import { useAnnotationKeys } from "./use-annotation-keys";
import { useAutosave, type SaveStatus } from "./use-autosave";
import { useToast } from "@/components/ui/toast";

/** A span as drawn: whose, in which colour, removable or not. */
export interface SpanView extends OffsetRange {
  id: string;
  labelKey: string;
  labelName: string;
  color: string;
  author: string;
  own: boolean;
  text: string;
}

export interface AnnotationProviderProps {
  /** The transcript being annotated; optional when `annotationUrl` is given (a blind page must not name it). */
  transcriptId?: number;
  /** Where the panel saves; default /api/transcripts/:id/annotation. A blind queue item saves through its own URL so the page never names the transcript. */
  annotationUrl?: string;
  /** transcripts.scratchpad_text, exactly as stored: what span offsets address. */
  scratchpadText: string;
  /** The scratchpad blocks' texts in order (from the parsed turns), to draw them apart. */
  blockTexts: string[];
  current: LabelSchema;
  mine: { annotation: AnnotationView; schema: LabelSchema } | null;
  /** Other annotators' annotations (leads), drawn read-only when shown. */
  others?: { annotation: AnnotationView; schema: LabelSchema }[];
  viewerName: string;
  /** Where submit goes next: the next transcript of the list the user came from. */
  nextHref: string | null;
  /** Whether this panel listens to the keyboard (one panel per page should). */
  keyboard?: boolean;
  /**
   * The paired view: the other side's annotation, submitted together with
   * this one ("empty" when there is nothing to submit, "failed" when it
   * could not be saved: it then says why in its own panel).
   */
  alsoSubmit?: () => Promise<SubmitOutcome>;
  /** Lets the paired view submit this annotation from the other side's panel. */
  handleRef?: React.Ref<AnnotationHandle>;
  /** Wording for another page: the submit button, its help line, and more keys for the help overlay. */
  wording?: { submit?: string; submitHelp?: string; moreKeys?: KeySection };
  /** A submit is confirmed by the app's toast; false where the next page confirms it itself (a queue's, with its Undo). */
  toastOnSubmit?: boolean;
  children: React.ReactNode;
}

export type SubmitOutcome = "submitted" | "empty" | "failed";

export interface AnnotationHandle {
  /** Submits this annotation if it holds anything and is not already submitted as it is. */
  submitIfLabelled(): Promise<SubmitOutcome>;
  /** Saves a pending change now (before the page moves on by other means than a link); false if it could not. */
  save(): Promise<boolean>;
}

const isEmpty = (doc: AnnotationDoc) => Object.keys(doc.values).length === 0 && doc.spans.length === 0 && !doc.note.trim();

type Context = ReturnType<typeof useAnnotationState>;
const NO_OTHERS: NonNullable<AnnotationProviderProps["others"]> = [];
const AnnotationContext = createContext<Context | null>(null);

export function useAnnotation(): Context {
  const context = useContext(AnnotationContext);
  if (!context) throw new Error("Annotation components must be inside <AnnotationProvider>.");
  return context;
}

export function AnnotationProvider(props: AnnotationProviderProps) {
  const state = useAnnotationState(props);
  useAnnotationKeys(state, props.keyboard ?? true);
  return <AnnotationContext.Provider value={state}>{props.children}</AnnotationContext.Provider>;
}

function useAnnotationState({
  transcriptId,
  annotationUrl,
  scratchpadText,
  blockTexts,
  current,
  mine,
  others = NO_OTHERS,
  viewerName,
  nextHref,
  alsoSubmit,
  handleRef,
  wording,
  toastOnSubmit = true,
}: AnnotationProviderProps) {
  const toast = useToast();
  const scope = useId();
  const router = useRouter();
  const initial: AnnotationDoc = mine
    ? {
        schemaVersion: mine.annotation.schemaVersion,
        values: mine.annotation.values,
        note: mine.annotation.note,
        spans: mine.annotation.spans,
      }
    : { schemaVersion: current.version, values: {}, note: "", spans: [] };
  const [doc, dispatchDoc] = useReducer(docReducer, initial);
  const saver = useAutosave({
    url: annotationUrl ?? `/api/transcripts/${transcriptId}/annotation`,
    doc,
    initialVersion: mine?.annotation.version ?? 0,
    initialSubmitted: Boolean(mine?.annotation.submittedAt),
  });
  // The armed label is also kept in a ref: a digit typed right after the label's
  // key must see it even before React has re-rendered.
  const [armed, setArmedState] = useState<string | null>(null);
  const armedRef = useRef<string | null>(null);
  const setArmed = useCallback((key: string | null) => {
    armedRef.current = key;
    setArmedState(key);
  }, []);
  const [helpOpen, setHelpOpen] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const [showOthers, setShowOthers] = useState(false);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const [navigating, setNavigating] = useState(false);

  const schemas = useMemo(
    () => new Map<number, LabelSchema>([[current.version, current], ...(mine ? [[mine.schema.version, mine.schema] as const] : [])]),
    [current, mine],
  );
  const labels: LabelDefinition[] = schemas.get(doc.schemaVersion)?.labels ?? current.labels;
  const blockRanges = useMemo(() => scratchpadBlockRanges(scratchpadText, blockTexts), [scratchpadText, blockTexts]);
  const locked = saver.status.kind === "conflict" || saver.status.kind === "signed_out";

  const say = useCallback((text: string) => setNotice({ text, at: Date.now() }), []);
  const dispatch = useCallback(
    (action: DocAction) => {
      if (locked) return say("Reload the page first: this annotation was changed elsewhere.");
      dispatchDoc(action);
    },
    [locked, say],
  );

  const tagSelection = useCallback(
    (label: LabelDefinition) => {
      const range = selectedRange(scope, scratchpadText);
      if ("problem" in range) return say(range.problem);
      const span = spanFromStoredRange(scratchpadText, range.start, range.end, label.key);
      if (!span) return say("Only spaces are selected.");
      dispatch({ type: "addSpan", span });
      clearSelection();
      say(`Tagged “${span.text.length > 40 ? span.text.slice(0, 40) + "…" : span.text}” as ${label.name}.`);
    },
    [scope, scratchpadText, dispatch, say],
  );

  const submitAndNext = useCallback(async () => {
    if (locked) return;
    const own: SubmitOutcome = isEmpty(doc) ? "empty" : (await saver.flush(true)) ? "submitted" : "failed";
    if (own === "failed") return;
    const other = alsoSubmit ? await alsoSubmit() : "empty";
    if (other === "failed") return;
    if (own === "empty" && other === "empty") return say("Nothing to submit yet: set at least one label.");
    // The toast outlives the navigation to the next item, so the confirmation is still there when it arrives.
    const confirm = toastOnSubmit ? toast : say;
    if (nextHref) {
      // Said at once (the save is done): on a slow link the next page may take seconds to arrive.
      confirm(`✓ Submitted. Opening the next ${alsoSubmit ? "pair" : "item"}…`);
      setNavigating(true);
      startNavigationProgress();
      router.push(nextHref);
    } else confirm(`✓ Submitted. This was the last ${alsoSubmit ? "pair" : "transcript"} of the list.`);
  }, [locked, doc, saver, alsoSubmit, nextHref, router, say, toast, toastOnSubmit]);

  useImperativeHandle(
    handleRef,
    () => ({
      async submitIfLabelled() {
        if (locked) return "failed";
        if (isEmpty(doc)) return "empty";
        if (saver.submitted && !saver.unsaved) return "submitted"; // as it is on the server already
        return (await saver.flush(true)) ? "submitted" : "failed";
      },
      save: () => saver.flush(),
    }),
    [locked, doc, saver],
  );

  const relabelUnderCurrent = useCallback(() => {
    const { doc: migrated, dropped } = migrateDoc(doc, current);
    dispatch({ type: "replace", doc: migrated });
    say(
      dropped.length
        ? `Now under schema v${current.version}. Not carried over: ${dropped.join(", ")}.`
        : `Now under schema v${current.version}.`,
    );
  }, [doc, current, dispatch, say]);

  const clearAll = useCallback(async () => {
    const empty: AnnotationDoc = { schemaVersion: current.version, values: {}, note: "", spans: [] };
    if (await saver.remove(empty)) {
      dispatchDoc({ type: "replace", doc: empty });
      say("Your annotation of this transcript was deleted (the audit log keeps it).");
    }
  }, [current.version, saver, say]);

  const spans = useMemo(() => {
    const view = (
      annotation: { labelKey: string; start: number; end: number; text: string },
      defs: readonly LabelDefinition[],
      author: string,
      own: boolean,
    ): SpanView => {
      const label = defs.find((definition) => definition.key === annotation.labelKey);
      return {
        ...annotation,
        id: `${own ? "me" : author}:${annotation.labelKey}:${annotation.start}:${annotation.end}`,
        labelName: label?.name ?? annotation.labelKey,
        color: label?.color ?? "#64748b",
        author,
        own,
      };
    };
    const own = doc.spans.map((span) => view(span, labels, viewerName, true));
    const theirs = showOthers
      ? others.flatMap(({ annotation, schema }) =>
          annotation.spans.map((span) => view(span, schema.labels, annotation.annotatorName, false)),
        )
      : [];
    return [...own, ...theirs];
  }, [doc.spans, labels, viewerName, showOthers, others]);

  return {
    scope,
    transcriptId,
    scratchpadText,
    blockRanges,
    doc,
    dispatch,
    labels,
    current,
    spans,
    others,
    showOthers,
    setShowOthers,
    status: saver.status as SaveStatus,
    submitted: saver.submitted,
    retry: () => void saver.flush(),
    locked,
    armed,
    armedRef,
    setArmed,
    helpOpen,
    setHelpOpen,
    findOpen,
    setFindOpen,
    notice,
    say,
    tagSelection,
    submitAndNext,
    navigating,
    nextHref,
    wording,
    relabelUnderCurrent,
    clearAll,
  };
}
