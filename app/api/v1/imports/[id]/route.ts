import { importDetail } from "@/lib/access/imports";
import { importAnswer } from "@/lib/api/answers";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** GET /api/v1/imports/:id: the import's status, counts, first errors and notices. */
export const GET = route({ auth: "token-or-session", role: "lead", params: idParams, output: importAnswer }, async ({ params }) => {
  const { run } = await importDetail(params.id);
  return JSON.parse(JSON.stringify(run, (_key, value) => (typeof value === "bigint" ? Number(value) : value)));
});
