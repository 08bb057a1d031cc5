import Link from "next/link";
import type { SchemaVersionSummary } from "@/lib/annotations/schema";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function SchemaVersions({ versions }: { versions: SchemaVersionSummary[] }) {
  return (
    <section aria-labelledby="versions-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="versions-title" className="text-sm font-semibold">
        Versions
      </h2>
      <ol className="mt-2 divide-y divide-slate-100 text-sm">
        {versions.map((version) => (
          <li key={version.version} className="py-2">
            <Link href={`/schema/${version.version}`} className="font-medium text-indigo-700 hover:underline">
              Version {version.version}
            </Link>
            <span className="ml-2 text-xs text-slate-500">
              {when.format(version.createdAt)} · {version.createdBy ?? "built in"} · {version.labelCount} labels · {version.annotationCount}{" "}
              annotations
            </span>
            {version.note && <p className="text-xs text-slate-600">{version.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
