import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireSession } from "@/lib/auth/server";
import { nextItem } from "@/lib/team/queues/claim";
import { getQueue, isQueueAnnotator } from "@/lib/team/queues/queries";

/**
 * "My next item": claims (or resumes) an item and redirects to it. Linked
 * with plain <a> (never prefetched): opening it takes a slot. A stray
 * repeat is harmless, since an unfinished claim is returned again.
 */
export default async function NextItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSession();
  const id = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const queue = await getQueue(id.data);
  if (!queue) notFound();
  if (!(await isQueueAnnotator(queue.id, user.id))) forbidden();
  const next = await nextItem(queue.id, user.id);
  if (next) redirect(`/queues/${queue.id}/items/${next.itemId}`);
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-xl font-semibold">Nothing left for you in “{queue.name}”</h1>
      <p className="text-sm text-slate-600">
        {queue.closed ? "The queue is closed." : "Every item either has all its annotators or was labelled by you. Thank you."}
      </p>
      <Link href="/queues" className="text-sm text-indigo-700 hover:underline">
        Back to your queues
      </Link>
    </div>
  );
}
