import { z } from "zod";
import { apiError, apiJson, withSession } from "@/lib/auth/route";
import { getAnnotationContext } from "@/lib/annotations/queries";
import { deleteAnnotation, saveAnnotation } from "@/lib/annotations/save";
import { saveAnnotationSchema } from "@/lib/annotations/values";
import { queueItemAccess, type QueueItemAccess } from "@/lib/team/queues/queries";

/**
 * The signed-in annotator's annotation of a queue item: the URL the blind
 * item page autosaves to, so the page never learns the transcript's id. Same
 * bodies and answers as /api/transcripts/:id/annotation, for the caller's OWN
 * annotation only, and only on an item they hold a slot of (403 otherwise).
 * There is no parameter for anyone else's labels: that is
 * /api/transcripts/:id/labels, for leads.
 */
type Context = { params: Promise<{ id: string; itemId: string }> };
const paramsSchema = z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });

/** The item if the user holds a slot of it, else the error response. */
async function access(context: Context, userId: string): Promise<{ item: QueueItemAccess } | { error: Response }> {
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) return { error: apiError(404, "not_found", "No such queue item.") };
  const item = await queueItemAccess(params.data.id, params.data.itemId, userId);
  if (!item) return { error: apiError(404, "not_found", "No such queue item.") };
  if (!item.claimed) return { error: apiError(403, "forbidden", "This item is not assigned to you.") };
  return { item };
}

export const GET = withSession("annotator", async (request, context: Context, user) => {
  if (new URL(request.url).searchParams.has("annotator")) return apiError(403, "forbidden", "Only your own labels are available here.");
  const result = await access(context, user.id);
  if ("error" in result) return result.error;
  const annotation = await getAnnotationContext(result.item.transcriptId, user.id);
  return apiJson({ annotation: annotation?.mine?.annotation ?? null });
});

export const PUT = withSession("annotator", async (request, context: Context, user) => {
  const result = await access(context, user.id);
  if ("error" in result) return result.error;
  const body = saveAnnotationSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success)
    return apiError(400, "invalid", "The annotation is not in the expected shape.", { issues: z.flattenError(body.error) });
  const outcome = await saveAnnotation(result.item.transcriptId, user.id, body.data);
  if (outcome.ok) return apiJson({ version: outcome.version, submittedAt: outcome.submittedAt, created: outcome.created });
  switch (outcome.reason) {
    case "conflict":
      return apiError(
        409,
        "conflict",
        "This annotation was changed somewhere else since you opened it. Your latest change was not saved. Reload to see the saved version.",
        { currentVersion: outcome.currentVersion },
      );
    case "invalid":
      return apiError(400, "invalid", `The annotation was not saved: ${outcome.problems.join("; ")}.`, { problems: outcome.problems });
    case "not_found":
      return apiError(404, "not_found", "No such queue item.");
  }
});

export const DELETE = withSession("annotator", async (request, context: Context, user) => {
  const result = await access(context, user.id);
  if ("error" in result) return result.error;
  const version = z.coerce.number().int().positive().safeParse(new URL(request.url).searchParams.get("version"));
  if (!version.success) return apiError(400, "invalid", "Give the version you are deleting: ?version=N.");
  const outcome = await deleteAnnotation(result.item.transcriptId, user.id, version.data);
  if (!outcome.ok)
    return apiError(409, "conflict", "This annotation was changed somewhere else since you opened it.", {
      currentVersion: outcome.currentVersion,
    });
  return apiJson({ deleted: true });
});
