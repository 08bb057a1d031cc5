import { z } from "zod";
import { apiError, apiJson, withSession } from "@/lib/auth/route";
import { getAnnotationContext } from "@/lib/annotations/queries";
import { deleteAnnotation, saveAnnotation } from "@/lib/annotations/save";
import { saveAnnotationSchema } from "@/lib/annotations/values";

/**
 * The signed-in user's annotation of one transcript: the URL the panel
 * autosaves to (and the benchmark drives).
 *
 * PUT  body = lib/annotations/values.ts `saveAnnotationSchema`
 *      200 {version, submittedAt} · 409 {error: "conflict", currentVersion} when the
 *      annotation changed since the client read `expectedVersion` · 400 · 401 · 404
 * DELETE ?version=N   200 · 409 as above
 * GET  200 {annotation | null}
 */
type Context = { params: Promise<{ id: string }> };
const idSchema = z.coerce.number().int().positive();

const CONFLICT_MESSAGE =
  "This annotation was changed somewhere else (another tab or window) since you opened it. Your latest change was not saved. Reload to see the saved version.";

async function transcriptIdOf(context: Context) {
  const parsed = idSchema.safeParse((await context.params).id);
  return parsed.success ? parsed.data : null;
}

export const GET = withSession("annotator", async (_request, context: Context, user) => {
  const transcriptId = await transcriptIdOf(context);
  const annotation = transcriptId && (await getAnnotationContext(transcriptId, user.id));
  if (!annotation) return apiError(404, "not_found", "No such transcript.");
  return apiJson({ annotation: annotation.mine?.annotation ?? null });
});

export const PUT = withSession("annotator", async (request, context: Context, user) => {
  const transcriptId = await transcriptIdOf(context);
  if (!transcriptId) return apiError(404, "not_found", "No such transcript.");
  const body = saveAnnotationSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success)
    return apiError(400, "invalid", "The annotation is not in the expected shape.", { issues: z.flattenError(body.error) });
  const outcome = await saveAnnotation(transcriptId, user.id, body.data);
  if (outcome.ok) return apiJson({ version: outcome.version, submittedAt: outcome.submittedAt, created: outcome.created });
  switch (outcome.reason) {
    case "conflict":
      return apiError(409, "conflict", CONFLICT_MESSAGE, { currentVersion: outcome.currentVersion });
    case "invalid":
      return apiError(400, "invalid", `The annotation was not saved: ${outcome.problems.join("; ")}.`, { problems: outcome.problems });
    case "not_found":
      return apiError(404, "not_found", "No such transcript.");
  }
});

export const DELETE = withSession("annotator", async (request, context: Context, user) => {
  const transcriptId = await transcriptIdOf(context);
  const version = idSchema.safeParse(new URL(request.url).searchParams.get("version"));
  if (!transcriptId) return apiError(404, "not_found", "No such transcript.");
  if (!version.success) return apiError(400, "invalid", "Give the version you are deleting: ?version=N.");
  const outcome = await deleteAnnotation(transcriptId, user.id, version.data);
  if (!outcome.ok) return apiError(409, "conflict", CONFLICT_MESSAGE, { currentVersion: outcome.currentVersion });
  return apiJson({ deleted: true });
});
