import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AuditList } from "@/components/annotations/audit-list";
import { TeamAuditList } from "@/components/team/team-audit-list";
import { auditLog } from "@/lib/access/team";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { listUsers } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { idSchema } from "@/lib/schemas";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Audit log" };

const searchSchema = z.object({
  transcript: idSchema.optional().catch(undefined),
  user: z.string().max(64).optional().catch(undefined),
  queue: idSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

/** Every create, change and delete of an annotation, per transcript or per user (leads). */
export default page(
  { role: "lead", searchParams: searchSchema },
  async ({ searchParams: { transcript, user, page: pageNumber, queue } }) => {
    const [
      {
        annotations: { entries, total },
        team,
        pageSize,
      },
      users,
      schema,
    ] = await Promise.all([
      auditLog({ transcriptId: transcript, actorId: user || undefined, queueId: queue }, pageNumber),
      listUsers(db()),
      getCurrentSchema(),
    ]);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const actor = users.find((candidate) => candidate.id === user);
    const link = (target: number) =>
      `/audit?${new URLSearchParams({ ...(transcript && { transcript: String(transcript) }), ...(user && { user }), page: String(target) })}`;

    return (
      <div className="space-y-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="mt-1 text-sm text-slate-600">
            {transcript ? `Transcript #${transcript}` : "All transcripts"}
            {actor ? `, changes by ${actor.name}` : ", all users"} · {total.toLocaleString("en")} entries, newest first.
          </p>
        </div>
        <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" action="/audit">
          <div>
            <label htmlFor="audit-transcript" className="block text-xs font-medium text-slate-600">
              Transcript #
            </label>
            <input
              id="audit-transcript"
              name="transcript"
              inputMode="numeric"
              defaultValue={transcript ?? ""}
              className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1"
            />
          </div>
          <div>
            <label htmlFor="audit-user" className="block text-xs font-medium text-slate-600">
              User
            </label>
            <select id="audit-user" name="user" defaultValue={user ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
              <option value="">Everyone</option>
              {users.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({candidate.email})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white">
            Show
          </button>
          {(transcript || user) && (
            <Link href="/audit" className="text-slate-600 hover:underline">
              Clear
            </Link>
          )}
        </form>
        <section aria-label="Queues and adjudication" className="space-y-2">
          <h2 className="text-sm font-semibold text-slate-900">
            Queues, assignments and adjudications{" "}
            <span className="font-normal text-slate-500">
              · {team.total.toLocaleString("en")} entries{queue ? ` of queue #${queue}` : ""}, the newest{" "}
              {Math.min(team.total, team.entries.length)}
            </span>
          </h2>
          <TeamAuditList entries={team.entries} labels={schema.labels} />
        </section>
        <h2 className="text-sm font-semibold text-slate-900">Annotations</h2>
        <AuditList entries={entries} />
        {pages > 1 && (
          <nav aria-label="Pagination" className="flex justify-between text-sm">
            {pageNumber > 1 ? (
              <Link href={link(pageNumber - 1)} className="text-indigo-700 hover:underline">
                ← Newer
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-500">
              page {pageNumber} of {pages}
            </span>
            {pageNumber < pages ? (
              <Link href={link(pageNumber + 1)} className="text-indigo-700 hover:underline">
                Older →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </div>
    );
  },
);
