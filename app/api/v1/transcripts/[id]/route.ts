import { apiTranscript } from "@/lib/access/transcripts";
import { transcriptAnswer } from "@/lib/api/answers";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/**
 * GET /api/v1/transcripts/:id: one transcript in the export's shape (texts,
 * messages, labels, spans with code-point and UTF-16 offsets). Leads see every
 * annotator's labels and the consensus; an annotator only their own labels,
 * and no consensus (lib/access/policy.ts).
 */
export const GET = route({ auth: "token-or-session", params: idParams, output: transcriptAnswer }, ({ params }) =>
  apiTranscript(params.id),
);
