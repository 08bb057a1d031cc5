import { healthAnswer } from "@/lib/api/answers";
import { route } from "@/lib/server/route";

/** GET /api/health: liveness. The process answers; nothing else is checked (that is /api/ready). Public: it says nothing. */
export const GET = route({ auth: "public", output: healthAnswer }, async () => ({ status: "ok" as const }));
