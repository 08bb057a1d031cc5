import { openApiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/server/route";

/** GET /api/v1/openapi.json: the API's description, public (it holds no data). */
export const GET = route({ auth: "public" }, async () => Response.json(openApiDocument(), { headers: { "cache-control": "no-store" } }));
