import { PageSkeleton } from "@/components/layout/skeletons";

/**
 * Shown at once on navigation while the server renders the queues. The skeletons
 * live in route groups, beside the pages they stand for, and never above
 * /queues/:id/next: under a loading boundary its redirect to the claimed item
 * would stream after the skeleton (a 200 with a meta refresh) instead of a 307.
 */
export default function Loading() {
  return <PageSkeleton label="Loading the queues" />;
}
