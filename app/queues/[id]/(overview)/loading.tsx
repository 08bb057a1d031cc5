import { PageSkeleton } from "@/components/layout/skeletons";

/** Shown at once on navigation while the server renders the queue. */
export default function Loading() {
  return <PageSkeleton label="Loading the queue" />;
}
