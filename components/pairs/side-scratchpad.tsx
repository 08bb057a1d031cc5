"use client";

import { AnnotatableScratchpad } from "@/components/annotations/annotatable-scratchpad";
import { useAnnotation } from "@/components/annotations/annotation-context";
import type { Condition } from "@/lib/schemas";
import { usePairMode } from "./pair-mode-context";

/**
 * One scratchpad turn of a side: the reading layout (drafts boxed, long text
 * in chunks) until there is something to highlight, that is while this side
 * is annotated or holds spans; then the stored text with the spans in their
 * labels' colours, where a selection can be tagged.
 */
export function SideScratchpad({
  condition,
  blockIndex,
  children,
}: {
  condition: Condition;
  blockIndex: number;
  children: React.ReactNode;
}) {
  const mode = usePairMode();
  const { spans } = useAnnotation();
  if (mode === condition || spans.length > 0) return <AnnotatableScratchpad blockIndex={blockIndex} />;
  return <>{children}</>;
}
