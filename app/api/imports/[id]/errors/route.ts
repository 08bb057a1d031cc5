import { z } from "zod";
import { errorsToCsv, errorsToJsonl } from "@/lib/imports/error-export";
import { getImportErrors } from "@/lib/imports/web/queries";
import { withSession } from "@/lib/auth/route";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });
const formatSchema = z.enum(["csv", "jsonl"]).catch("csv");

/** Downloads an import's errors: `?format=csv` (default) or `?format=jsonl`. */
export const GET = withSession("lead", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return Response.json({ message: "Not found" }, { status: 404 });
  const format = formatSchema.parse(new URL(request.url).searchParams.get("format"));
  const errors = await getImportErrors(parsed.data.id);
  const body = format === "csv" ? errorsToCsv(errors) : errorsToJsonl(errors);
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="import-${parsed.data.id}-errors.${format}"`,
      "cache-control": "no-store",
    },
  });
});
