import type { Metadata } from "next";
import Link from "next/link";
import { NewImport } from "@/components/imports/new-import";
import aristoMapping from "@/docs/import/mappings/aristo240-results-scored.json";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "New import" };

const example = { name: "Aristo240 results by condition", text: JSON.stringify(aristoMapping, null, 2) };

export default page({ role: "lead" }, async () => {
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/imports" className="hover:underline">
            Imports
          </Link>{" "}
          / new
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">New import</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          One transcript per record: JSON Lines, a JSON array (or an object of arrays by condition), CSV with a header row, a native-format
          transcript, or an Inspect log (.eval or .json, one transcript per sample). Anthropic and OpenAI API records are recognised by
          their shape, reasoning fields included. Common field names are understood (<code className="font-mono text-xs">prompt</code>,{" "}
          <code className="font-mono text-xs">completion</code>, <code className="font-mono text-xs">is_free_tier_user</code>,{" "}
          <code className="font-mono text-xs">messages</code>, …); anything else takes a mapping.
        </p>
      </div>
      <NewImport example={example} />
    </div>
  );
});
