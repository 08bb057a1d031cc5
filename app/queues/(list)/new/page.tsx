import type { Metadata } from "next";
import { QueueForm } from "@/components/team/queue-form";
import { queueFilterMatches } from "@/lib/access/team";
import { z } from "zod";
import { QUEUE_SAMPLES } from "@/lib/team/queues/schemas";
import { page } from "@/lib/server/page";
import { listUsers } from "@/lib/auth/users";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "New queue" };

/** `?name=` and `?sample=` preset the form (a link from a judge's validation page: two clicks to a queue). */
const queueFormDefaults = z.object({
  name: z.string().max(120).optional().catch(undefined),
  sample: z.enum(QUEUE_SAMPLES).optional().catch(undefined),
});

/** New queue (leads). Opened from the transcripts table, the table's query string arrives as the filter. */
export default page({ role: "lead" }, async ({ query }) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (["page", "size", "sort", "after", "before", "cols", "count"].includes(key)) continue; // paging is not part of the filter
    if (["name", "sample"].includes(key)) continue; // the form's own defaults, set by a link (the judge validation page's)
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  const [allUsers, matches] = await Promise.all([listUsers(db()), queueFilterMatches(params.toString())]);
  const users = allUsers.filter((user) => user.active);
  const defaults = queueFormDefaults.parse(query);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New labelling queue</h1>
      <QueueForm
        filter={params.toString()}
        matches={matches}
        annotators={users.map(({ id, name, email }) => ({ id, name, email }))}
        // From a judge's validation page every annotator is ticked, so the queue is one more click away.
        defaults={{ ...defaults, annotatorIds: params.has("judge") ? users.filter((u) => u.role === "annotator").map((u) => u.id) : [] }}
      />
    </div>
  );
});
