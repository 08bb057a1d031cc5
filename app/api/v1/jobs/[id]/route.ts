import { jobDetail } from "@/lib/access/jobs";
import { jobAnswer } from "@/lib/api/answers";
import { jobDocument } from "@/lib/jobs/document";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** GET /api/v1/jobs/:id: any background job's status, attempts and progress, read from the database. */
export const GET = route({ auth: "token-or-session", role: "lead", params: idParams, output: jobAnswer }, async ({ params }) =>
  jobDocument(await jobDetail(params.id)),
);
