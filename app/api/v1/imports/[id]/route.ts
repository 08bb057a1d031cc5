import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/api/schemas";
import { getImport } from "@/lib/imports/web/queries";

/** GET /api/v1/imports/:id: the import's status, counts, first errors and notices. */
export const GET = withApiAuth("lead", async (_request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(idParamsSchema, await context.params, "path");
  const found = await getImport(id);
  if (!found) throw new UserFacingError(`There is no import ${id}.`, 404);
  return apiJson(JSON.parse(JSON.stringify(found, (_key, value) => (typeof value === "bigint" ? Number(value) : value))));
});
