"use client";

// Unexpected errors: the details are in the server log; the user gets a way on.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-900">
      <h2 className="text-lg font-semibold">Something went wrong</h2>
      <p className="mt-2 text-sm">The error was logged on the server. Try again; if it persists, tell whoever runs this dashboard.</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white">
        Try again
      </button>
    </div>
  );
}
