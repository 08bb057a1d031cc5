import { RetryButton } from "./retry-button";

/** Shown instead of a page's data when PostgreSQL cannot be reached. */
export function DatabaseUnavailable() {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-900">
      <h2 className="text-lg font-semibold">The database is unavailable</h2>
      <p className="mt-2 text-sm">
        PostgreSQL did not answer. If you run the app with <code className="font-mono">npm run dev</code>, check that its terminal is still
        running; with your own <code className="font-mono">DATABASE_URL</code>, check that server. This page recovers by itself once the
        database is back.
      </p>
      <RetryButton />
    </div>
  );
}
