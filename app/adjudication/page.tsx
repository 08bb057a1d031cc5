import type { Metadata } from "next";
import Link from "next/link";
import { ConsensusRule } from "@/components/team/consensus-rule";
import { ConditionBadge } from "@/components/transcripts/condition-badge";
import { disagreements, queueNames } from "@/lib/access/team";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { page } from "@/lib/server/page";
import { queueQuery } from "@/lib/team/queues/schemas";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

export const metadata: Metadata = { title: "Adjudication" };

/** Transcripts where annotators disagree (leads), undecided first. */
export default page({ role: "lead", searchParams: queueQuery }, async ({ searchParams: { queue } }) => {
  const [items, queues, schema] = await Promise.all([disagreements(queue), queueNames(), getCurrentSchema()]);
  // Label names, not keys (a key the current schema no longer has stays as it is).
  const labelName = (key: string) => schema.labels.find((label) => label.key === key)?.name ?? key;
  const firstUndecided = items.find((item) => item.adjudicated < item.labelKeys.length);
  const withQueue = queue ? `?queue=${queue}` : "";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Adjudication</h1>
        <p className="mt-1 text-sm text-slate-600">
          Transcripts whose annotators gave different values to a label
          {queue ? ` in “${queues.find((q) => q.id === queue)?.name ?? queue}”` : ""}. Your decision becomes the consensus label.
        </p>
      </div>
      <form action="/adjudication" className="flex items-end gap-2 text-sm">
        <select name="queue" defaultValue={queue ?? ""} aria-label="Queue" className="rounded-md border border-slate-300 px-2 py-1">
          <option value="">All transcripts</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white">
          Show
        </button>
        {firstUndecided && (
          <Link
            href={`/adjudication/${firstUndecided.transcriptId}${withQueue}`}
            className="ml-auto rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700"
          >
            Decide the first undecided →
          </Link>
        )}
      </form>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No disagreements.</p>
      ) : (
        <Table aria-label="Transcripts in disagreement" className="max-w-5xl">
          <THead>
            <Tr>
              <Th>Transcript</Th>
              <Th>Variation</Th>
              <Th>Condition</Th>
              <Th>Labels in disagreement</Th>
              <Th>Annotators</Th>
              <Th>Decided</Th>
            </Tr>
          </THead>
          <Tbody>
            {items.map((item) => (
              <Tr key={item.transcriptId}>
                <Td>
                  <Link href={`/adjudication/${item.transcriptId}${withQueue}`} className="text-indigo-700 hover:underline">
                    #{item.transcriptId}
                  </Link>
                </Td>
                <Td>{item.variation}</Td>
                <Td>
                  <ConditionBadge condition={item.condition} />
                </Td>
                <Td>{item.labelKeys.map(labelName).join(", ")}</Td>
                <Td>{item.annotators}</Td>
                <Td>
                  {item.adjudicated} / {item.labelKeys.length}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <ConsensusRule />
    </div>
  );
});
