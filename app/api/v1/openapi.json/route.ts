import { openApiDocument } from "@/lib/api/openapi";
import { apiJson, publicApiRoute } from "@/lib/api/route";

/** GET /api/v1/openapi.json: the API's description, public (it holds no data). */
export const GET = publicApiRoute(async () => apiJson(openApiDocument()));
