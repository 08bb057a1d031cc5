import Link from "next/link";

/** Says that imported labels and judge suggestions are left out on purpose, and where to change that. */
export function SuggestionsHiddenNote() {
  return (
    <p role="note" data-testid="suggestions-hidden" className="mt-2 text-sm text-slate-600">
      Imported labels and judge suggestions are hidden while you label, so they do not anchor your judgement.{" "}
      <Link href="/settings/labelling" className="text-indigo-700 underline hover:text-indigo-900">
        Change in Settings → Labelling
      </Link>
    </p>
  );
}
