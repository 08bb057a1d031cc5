/**
 * Who a list of transcripts is read for, beside the URL's state (ListState)
 * and never taken from it. Built by the visibility layer (lib/access) from the
 * request's viewer; the SQL builders of lib/transcripts/list-sql.ts apply it.
 */
export interface ListScope {
  /** Who "me" is in `status=mine|todo`; none on the command line (those filters then fail). */
  viewerId?: string;
  /** Human label conditions read anyone's labels (leads), else only the viewer's own. */
  seesOthersLabels: boolean;
  /** Leave out what is held blind from the viewer (lib/team/blind-hold-sql.ts). */
  hideBlindHeld: boolean;
}

/** A lead's scope (and the export job's, which runs for the lead who asked): every label, nothing held. */
export function leadScope(viewerId?: string): ListScope {
  return { viewerId, seesOthersLabels: true, hideBlindHeld: false };
}
