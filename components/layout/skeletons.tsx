/**
 * Placeholders while a page or a slow panel loads (loading.tsx files and
 * <Suspense> fallbacks): the shape of what comes, and a status for screen
 * readers saying what is loading.
 */
export function PanelSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} data-skeleton className="animate-pulse space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <span className="sr-only">{label}…</span>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="h-4 rounded bg-slate-100" style={{ width: `${90 - ((index * 17) % 40)}%` }} />
      ))}
    </div>
  );
}

/** A whole page loading: a title bar and a panel or two. */
export function PageSkeleton({ label, panels = 1 }: { label: string; panels?: number }) {
  return (
    <div className="space-y-4">
      <div className="h-7 w-64 animate-pulse rounded bg-slate-200" aria-hidden />
      {Array.from({ length: panels }, (_, index) => (
        <PanelSkeleton key={index} label={index === 0 ? label : `${label} (more)`} rows={index === 0 ? 8 : 4} />
      ))}
    </div>
  );
}
