import { z } from "zod";
import { deleteQueueItemAnnotation, queueItemAnnotation, saveQueueItemAnnotation } from "@/lib/access/annotations";
import { annotationAnswer, deletedAnswer, savedAnswer } from "@/lib/api/answers";
import { saveAnnotationSchema, versionQuery } from "@/lib/annotations/values";
import { idSchema } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/**
 * The signed-in annotator's annotation of a queue item: the URL the blind
 * item page autosaves to, so the page never learns the transcript's id. Same
 * bodies and answers as /api/transcripts/:id/annotation, for the caller's OWN
 * annotation only, and only on an item they hold a slot of (403 otherwise).
 * There is no parameter for anyone else's labels (`?annotator=` is refused):
 * that is /api/transcripts/:id/labels, for leads.
 */
const itemParams = z.object({ id: idSchema, itemId: idSchema });
const ownOnly = z.object({ annotator: z.never({ error: "Only your own labels are available here." }).optional() });

export const GET = route({ auth: "session", params: itemParams, query: ownOnly, output: annotationAnswer }, async ({ params }) => ({
  annotation: await queueItemAnnotation(params.id, params.itemId),
}));

export const PUT = route({ auth: "session", params: itemParams, body: saveAnnotationSchema, output: savedAnswer }, ({ params, body }) =>
  saveQueueItemAnnotation(params.id, params.itemId, body),
);

export const DELETE = route({ auth: "session", params: itemParams, query: versionQuery, output: deletedAnswer }, ({ params, query }) =>
  deleteQueueItemAnnotation(params.id, params.itemId, query.version),
);
