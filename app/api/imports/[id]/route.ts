import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { getImportProgress } from "@/lib/imports/web/queries";
import { withSession } from "@/lib/auth/route";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

/** An import's progress, polled by its page while it runs. */
export const GET = withSession("lead", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return Response.json({ message: "Not found" }, { status: 404 });
  try {
    const progress = await getImportProgress(parsed.data.id);
    if (!progress) return Response.json({ message: "Not found" }, { status: 404 });
    return Response.json(progress, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return Response.json({ message: "The database is unavailable." }, { status: 503 });
    throw error;
  }
});
