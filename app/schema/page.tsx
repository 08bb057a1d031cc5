import type { Metadata } from "next";
import { SchemaEditor } from "@/components/annotations/schema-editor";
import { SchemaVersions } from "@/components/annotations/schema-versions";
import { getCurrentSchema, listSchemaVersions } from "@/lib/annotations/schema";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Label schema" };

export default page({ role: "lead" }, async () => {
  const [schema, versions] = await Promise.all([getCurrentSchema(), listSchemaVersions()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Label schema · version {schema.version}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          What annotators label. Saving writes a new version; annotations already made keep the version they were made under and still show
          with its labels. A label’s key identifies it across versions (filters and exports use it).
        </p>
      </div>
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <SchemaEditor key={schema.version} schema={schema} />
        <SchemaVersions versions={versions} />
      </div>
    </div>
  );
});
