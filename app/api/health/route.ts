import { apiJson, publicApiRoute } from "@/lib/api/route";

/** GET /api/health: liveness. The process answers; nothing else is checked (that is /api/ready). Public: it says nothing. */
export const GET = publicApiRoute(async () => apiJson({ status: "ok" }));
