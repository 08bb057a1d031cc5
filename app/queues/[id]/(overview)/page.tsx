import type { Metadata } from "next";
import Link from "next/link";
import { Progress } from "@/components/team/progress";
import { QueueItemsTable } from "@/components/team/queue-items-table";
import { QueueSettings } from "@/components/team/queue-settings";
import { queueDetail } from "@/lib/access/team";
import { listUsers } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { idParams } from "@/lib/schemas";
import { page } from "@/lib/server/page";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

export const metadata: Metadata = { title: "Queue" };

/** One queue (leads): progress overall and per annotator, settings, annotators, links to agreement and adjudication. */
export default page({ role: "lead", params: idParams }, async ({ params }) => {
  const [{ queue, progress, items, itemsShown }, users] = await Promise.all([queueDetail(params.id), listUsers(db())]);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/queues" className="hover:underline">
            Queues
          </Link>{" "}
          / #{queue.id}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{queue.name}</h1>
        {queue.description && <p className="mt-1 text-sm text-slate-600">{queue.description}</p>}
        <p className="mt-1 text-sm text-slate-600">
          {queue.items} items × {queue.annotatorsPerItem} annotators · {queue.blind ? "blind" : "not blind"}
          {!queue.blind && (queue.hideSuggestions ? " · suggestions hidden" : " · suggestions shown")}
          {queue.closed && " · closed"} ·{" "}
          <Link href={`/agreement?queue=${queue.id}`} className="text-indigo-700 underline hover:text-indigo-900">
            Agreement
          </Link>{" "}
          ·{" "}
          <Link href={`/adjudication?queue=${queue.id}`} className="text-indigo-700 underline hover:text-indigo-900">
            Disagreements
          </Link>{" "}
          ·{" "}
          <Link href={`/audit?queue=${queue.id}`} className="text-indigo-700 underline hover:text-indigo-900">
            Audit
          </Link>
        </p>
      </div>
      <div className="flex flex-wrap gap-6 rounded-lg border border-slate-200 bg-white p-4">
        <Progress done={queue.claimed} total={queue.slots} label="Slots taken" />
        <Progress done={queue.submitted} total={queue.slots} label="Labels submitted" />
        <Progress done={queue.complete} total={queue.items} label="Items complete" />
      </div>
      <Table caption="Per annotator" className="max-w-3xl">
        <THead>
          <Tr>
            <Th>Annotator</Th>
            <Th>Taken</Th>
            <Th>Submitted</Th>
            <Th>In progress</Th>
          </Tr>
        </THead>
        <Tbody>
          {progress.map((row) => (
            <Tr key={row.userId}>
              <Td>
                {row.name} <span className="text-slate-500">{row.email}</span>
              </Td>
              <Td>{row.claimed}</Td>
              <Td>{row.submitted}</Td>
              <Td>{row.claimed - row.submitted}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <QueueItemsTable
        items={items}
        annotators={progress.map(({ userId, name }) => ({ userId, name }))}
        shownLimit={itemsShown}
        total={queue.items}
      />
      <QueueSettings
        queue={queue}
        users={users.filter((user) => user.active).map(({ id, name, email }) => ({ id, name, email }))}
        members={progress.map((row) => row.userId)}
      />
    </div>
  );
});
