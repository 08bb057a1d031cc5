import { PageSkeleton } from "@/components/layout/skeletons";

/** Shown at once on navigation while the server renders the chart of labels. */
export default function Loading() {
  return <PageSkeleton label="Loading the chart" panels={2} />;
}
