import { importProgress } from "@/lib/access/imports";
import { importProgressAnswer } from "@/lib/api/answers";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** An import's progress, polled by its page while it runs. */
export const GET = route({ auth: "session", role: "lead", params: idParams, output: importProgressAnswer }, ({ params }) =>
  importProgress(params.id),
);
