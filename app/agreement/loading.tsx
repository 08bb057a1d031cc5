import { PageSkeleton } from "@/components/layout/skeletons";

/** Shown at once on navigation while the server renders the agreement. */
export default function Loading() {
  return <PageSkeleton label="Loading the agreement" />;
}
