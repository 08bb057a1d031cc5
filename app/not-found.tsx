import Link from "next/link";
import { headers } from "next/headers";
import { notFoundPlace } from "@/lib/server/not-found-place";

/** Says what was not found (from the path asked for) and where to look instead. */
export default async function NotFound() {
  const { what, goTo } = notFoundPlace((await headers()).get("x-af-path"));
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-700" data-not-found>
        {what} It may have been removed, or the link may be mistyped.
      </p>
      <p className="mt-2 text-sm">
        <Link href={goTo.href} className="text-indigo-700 hover:underline">
          Go to {goTo.name}
        </Link>
        {goTo.href !== "/" && (
          <>
            {" "}
            ·{" "}
            <Link href="/" className="text-indigo-700 hover:underline">
              your home page
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
