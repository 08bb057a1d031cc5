import "server-only";
import { othersVisibleTo } from "./pair-labels";
import { getAnnotationContext, listTranscriptAnnotations, type AnnotationContext, type AnnotationView } from "./queries";
import type { LabelSchema } from "./schema-definition";

export interface SideAnnotations extends AnnotationContext {
  transcriptId: number;
  /** Other annotators' submitted annotations: for leads only, empty for everyone else. */
  others: { annotation: AnnotationView; schema: LabelSchema }[];
  /** Leads: how many other annotators hold only a draft (not shown). */
  hiddenDrafts: number;
}

/**
 * One side of a pair as the annotation panel and the side's labels need it.
 * Other people's annotations are read only for leads, so an annotator's page
 * never carries them (the same rule as the single-transcript page).
 */
export async function loadSideAnnotations(transcriptId: number, viewer: { id: string; isLead: boolean }): Promise<SideAnnotations | null> {
  const [context, everyone] = await Promise.all([
    getAnnotationContext(transcriptId, viewer.id),
    viewer.isLead ? listTranscriptAnnotations(transcriptId) : [],
  ]);
  if (!context) return null;
  return { ...context, transcriptId, ...othersVisibleTo(viewer, everyone) };
}
