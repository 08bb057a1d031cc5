import "server-only";
import { db } from "@/lib/db/client";
import { oncePerRequest } from "@/lib/server/request-scope";
import { hidesSuggestionsOutsideQueues } from "./policy";
import { viewerWithRole, type Viewer } from "./viewer";

/**
 * Whether the viewer's reads of transcripts outside queues leave out imported
 * labels and judge suggestions (the rule: policy.ts). Read once per request.
 */
export async function hidesSuggestions(viewer: Viewer): Promise<boolean> {
  return oncePerRequest(`hides-suggestions:${viewer.id}`, async () => {
    const row = await db().labellingPreference.findUnique({ where: { userId: viewer.id }, select: { hideSuggestions: true } });
    return hidesSuggestionsOutsideQueues(viewer, row?.hideSuggestions ?? null);
  });
}

/** The settings page's view of the toggle: what applies now, and whether it is the role's default. */
export async function labellingPreference(): Promise<{ hideSuggestions: boolean; isDefault: boolean; roleDefault: boolean }> {
  const viewer = await viewerWithRole();
  const row = await db().labellingPreference.findUnique({ where: { userId: viewer.id }, select: { hideSuggestions: true } });
  const preference = row?.hideSuggestions ?? null;
  return {
    hideSuggestions: hidesSuggestionsOutsideQueues(viewer, preference),
    isDefault: preference === null,
    roleDefault: hidesSuggestionsOutsideQueues(viewer, null),
  };
}

/** Sets the viewer's own toggle (null: back to the role's default). */
export async function setLabellingPreference(hideSuggestions: boolean | null): Promise<void> {
  const viewer = await viewerWithRole();
  await db().labellingPreference.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, hideSuggestions },
    update: { hideSuggestions, updatedAt: new Date() },
  });
}
