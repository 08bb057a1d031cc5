import { z } from "zod";

/**
 * Who a list of transcripts is read for, beside the URL's state (ListState)
 * and never taken from it. Built by the visibility layer (lib/access) from the
 * request's viewer; the SQL builders of lib/transcripts/list-sql.ts apply it.
 */
export const listScopeSchema = z.object({
  /** Who "me" is in `status=mine|todo`; none on the command line (those filters then fail). */
  viewerId: z.string().min(1).optional(),
  /** Human label conditions read anyone's labels (leads), else only the viewer's own. */
  seesOthersLabels: z.boolean(),
  /** Leave out what is held blind from the viewer (lib/team/blind-hold-sql.ts). */
  hideBlindHeld: z.boolean(),
});
export type ListScope = z.infer<typeof listScopeSchema>;

/** A lead's scope (and the command line's, which runs as the operator): every label, nothing held. */
export function leadScope(viewerId?: string): ListScope {
  return { viewerId, seesOthersLabels: true, hideBlindHeld: false };
}
