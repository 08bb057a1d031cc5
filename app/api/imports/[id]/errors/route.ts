import { z } from "zod";
import { importErrors } from "@/lib/access/imports";
import { errorsToCsv, errorsToJsonl } from "@/lib/imports/error-export";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

const formatQuery = z.object({ format: z.enum(["csv", "jsonl"]).default("csv") });

/** Downloads an import's errors: `?format=csv` (default) or `?format=jsonl`. */
export const GET = route({ auth: "session", role: "lead", params: idParams, query: formatQuery }, async ({ params, query }) => {
  const errors = await importErrors(params.id);
  const csv = query.format === "csv";
  return new Response(csv ? errorsToCsv(errors) : errorsToJsonl(errors), {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="import-${params.id}-errors.${query.format}"`,
    },
  });
});
