import { exportJob } from "@/lib/access/exports";
import { exportJobAnswer } from "@/lib/api/answers";
import { exportJobDocument } from "@/lib/exports/job-document";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** GET /api/v1/exports/:id: the job's status and progress; once succeeded, its files with download URLs. */
export const GET = route({ auth: "token-or-session", role: "lead", params: idParams, output: exportJobAnswer }, async ({ params }) =>
  exportJobDocument(await exportJob(params.id)),
);
