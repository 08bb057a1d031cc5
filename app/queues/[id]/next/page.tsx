import Link from "next/link";
import { redirect } from "next/navigation";
import { claimNextItem } from "@/lib/access/team";
import { z } from "zod";
import { SubmittedToast } from "@/components/team/submitted-toast";
import { idParams, idSchema } from "@/lib/schemas";
import { page } from "@/lib/server/page";

/**
 * "My next item": claims (or resumes) an item and redirects to it. Linked
 * with plain <a> (never prefetched): opening it takes a slot. A stray
 * repeat is harmless, since an unfinished claim is returned again.
 * `?after=<item>` (from "Submit & next") passes on which item was just
 * submitted, for the confirmation and its undo.
 */
const nextQuery = z.object({ after: idSchema.optional().catch(undefined) });

export default page({ params: idParams, searchParams: nextQuery }, async ({ params, searchParams }) => {
  const { queue, next } = await claimNextItem(params.id);
  const after = searchParams.after ? `?submitted=${searchParams.after}` : "";
  if (next) redirect(`/queues/${queue.id}/items/${next.itemId}${after}`);
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-center">
      {searchParams.after && !queue.closed && <SubmittedToast queueId={queue.id} position={null} />}
      <h1 className="text-xl font-semibold">Nothing left for you in “{queue.name}”</h1>
      <p className="text-sm text-slate-600">
        {queue.closed ? "The queue is closed." : "Every item either has all its annotators or was labelled by you. Thank you."}
      </p>
      <Link href="/queues" className="text-sm text-indigo-700 hover:underline">
        Back to your queues
      </Link>
    </div>
  );
});
