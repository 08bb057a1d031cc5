import Link from "next/link";

/** Shown (with status 403) when a signed-in user lacks the role a page needs. */
export default function Forbidden() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-lg font-semibold">Not allowed</h2>
      <p className="mt-2 text-sm text-slate-600">
        Your role does not give access to this page.{" "}
        <Link href="/transcripts" className="text-indigo-600 hover:underline">
          Back to the transcripts
        </Link>
        .
      </p>
    </div>
  );
}
