import { deleteOwnAnnotation, ownAnnotation, saveOwnAnnotation } from "@/lib/access/annotations";
import { annotationAnswer, deletedAnswer, savedAnswer } from "@/lib/api/answers";
import { saveAnnotationSchema, versionQuery } from "@/lib/annotations/values";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/**
 * The signed-in user's annotation of one transcript: the URL the panel
 * autosaves to (and the benchmark drives). A transcript held blind from the
 * user (lib/access/policy.ts) answers 404 like a missing one, for reads and writes.
 *
 * PUT  body = lib/annotations/values.ts `saveAnnotationSchema`
 *      200 {version, submittedAt, created} · 409 {error: "conflict", currentVersion} when the
 *      annotation changed since the client read `expectedVersion` · 400 · 401 · 403 · 404
 * DELETE ?version=N   200 {deleted} · 409 as above
 * GET  200 {annotation | null}
 */
export const GET = route({ auth: "session", params: idParams, output: annotationAnswer }, async ({ params }) => ({
  annotation: await ownAnnotation(params.id),
}));

export const PUT = route({ auth: "session", params: idParams, body: saveAnnotationSchema, output: savedAnswer }, ({ params, body }) =>
  saveOwnAnnotation(params.id, body),
);

export const DELETE = route({ auth: "session", params: idParams, query: versionQuery, output: deletedAnswer }, ({ params, query }) =>
  deleteOwnAnnotation(params.id, query.version),
);
