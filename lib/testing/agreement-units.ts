/** The columns of agreement_units and agreement_units_live that the agreement tests compare row for row. */
export const UNIT_COLUMNS = "transcript_id, kind, label_key, variation_id, annotators, votes, span_overlap, span_total";
