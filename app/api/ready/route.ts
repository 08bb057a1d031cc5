import { readinessAnswer } from "@/lib/api/answers";
import { checkReadiness } from "@/lib/ops/readiness";
import { route } from "@/lib/server/route";

/**
 * GET /api/ready: readiness for a load balancer. 200 when the database (and
 * the replica, when one is set) answers, every migration is applied, the job
 * queue's schema is installed and the storage can be written; 503 otherwise,
 * and while the server drains for a shutdown. Public, so probes need no token:
 * it names the checks, never addresses or errors (those go to the log).
 */
export const GET = route(
  { auth: "public", output: readinessAnswer, status: (readiness) => (readiness.status === "ready" ? 200 : 503) },
  checkReadiness,
);
