import type { AnnotationStatus } from "@/lib/annotations/queries";
import type { ListRow } from "./list";
import { pairHref } from "./pair-state";

/** A list row as the table renders it: registry ids resolved to names, links ready. */
export interface TableRow extends ListRow {
  setting: string;
  variation: string;
  model: string;
  dataset: string;
  transcriptHref: string;
  pairHref: string;
  /** Human annotations: the viewer's own (submitted, draft, none) and how many annotators submitted. */
  annotation: AnnotationStatus;
}

export interface RegistryNames {
  setting: Map<number, string>;
  variation: Map<number, string>;
  model: Map<number, string>;
  dataset: Map<number, string>;
}

/** `listQuery` is the list's canonical query string: the pair view carries it to step through the same list. */
export function toTableRows(
  rows: ListRow[],
  names: RegistryNames,
  listQuery: string,
  annotations: Map<number, AnnotationStatus>,
): TableRow[] {
  return rows.map((row) => ({
    ...row,
    setting: names.setting.get(row.settingId) ?? `#${row.settingId}`,
    variation: names.variation.get(row.variationId) ?? `#${row.variationId}`,
    model: names.model.get(row.modelId) ?? `#${row.modelId}`,
    dataset: names.dataset.get(row.datasetId) ?? `#${row.datasetId}`,
    // The list rides along: "submit and next" on the transcript page follows it.
    transcriptHref: listQuery ? `/transcripts/${row.id}?${listQuery}` : `/transcripts/${row.id}`,
    pairHref: pairHref(row.pairId, { at: row.id, from: listQuery }),
    annotation: annotations.get(row.id) ?? { mine: null, submitted: 0 },
  }));
}
