import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-lg font-semibold">Not found</h2>
      <p className="mt-2 text-sm text-slate-600">
        Nothing here.{" "}
        <Link href="/transcripts" className="text-indigo-600 hover:underline">
          Back to the transcripts
        </Link>
        .
      </p>
    </div>
  );
}
