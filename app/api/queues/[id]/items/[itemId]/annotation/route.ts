import { z } from "zod";
import { deleteQueueItemAnnotation, queueItemAnnotation, saveQueueItemAnnotation } from "@/lib/access/annotations";
import { annotationAnswer, deletedAnswer, savedAnswer } from "@/lib/api/answers";
import { saveAnnotationSchema, versionQuery } from "@/lib/annotations/values";
import { idSchema } from "@/lib/schemas";
import { forbidden } from "@/lib/server/errors";
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
const annotatorQuery = z.object({ annotator: z.string().optional() });

export const GET = route(
  { auth: "session", params: itemParams, query: annotatorQuery, output: annotationAnswer },
  async ({ params, query }) => {
    if (query.annotator !== undefined) throw forbidden("Only your own labels are available here.");
    return { annotation: await queueItemAnnotation(params.id, params.itemId) };
  },
);

export const PUT = route({ auth: "session", params: itemParams, body: saveAnnotationSchema, output: savedAnswer }, ({ params, body }) =>
  saveQueueItemAnnotation(params.id, params.itemId, body),
);

export const DELETE = route({ auth: "session", params: itemParams, query: versionQuery, output: deletedAnswer }, ({ params, query }) =>
  deleteQueueItemAnnotation(params.id, params.itemId, query.version),
);
