import type { Metadata } from "next";
import { QueueForm } from "@/components/team/queue-form";
import { queueFilterMatches } from "@/lib/access/team";
import { page } from "@/lib/server/page";
import { listUsers } from "@/lib/auth/users";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "New queue" };

/** New queue (leads). Opened from the transcripts table, the table's query string arrives as the filter. */
export default page({ role: "lead" }, async ({ query }) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (["page", "size", "sort", "after", "before", "cols", "count"].includes(key)) continue; // paging is not part of the filter
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  const [allUsers, matches] = await Promise.all([listUsers(db()), queueFilterMatches(params.toString())]);
  const users = allUsers.filter((user) => user.active);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New labelling queue</h1>
      <QueueForm filter={params.toString()} matches={matches} annotators={users.map(({ id, name, email }) => ({ id, name, email }))} />
    </div>
  );
});
