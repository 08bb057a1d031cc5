import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getSchemaVersion } from "@/lib/annotations/schema";
import { idSchema } from "@/lib/schemas";
import { page } from "@/lib/server/page";
import { LABEL_KIND_NAMES, scalePoints } from "@/lib/annotations/schema-definition";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

export const metadata: Metadata = { title: "Label schema version" };

const versionParams = z.object({ version: idSchema });

export default page({ role: "lead", params: versionParams }, async ({ params }) => {
  const schema = await getSchemaVersion(params.version);
  if (!schema) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-500">
        <Link href="/schema" className="hover:underline">
          Label schema
        </Link>{" "}
        / version {schema.version}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Label schema · version {schema.version}</h1>
      <Table aria-label={`Labels of version ${schema.version}`} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <THead>
          <Tr>
            <Th>Key</Th>
            <Th>Label</Th>
            <Th>Kind</Th>
            <Th>Values</Th>
          </Tr>
        </THead>
        <Tbody>
          {schema.labels.map((label) => (
            <Tr key={label.key}>
              <Td>
                <kbd className="rounded border border-slate-300 px-1.5 font-mono text-xs">{label.hotkey}</kbd>
              </Td>
              <Td>
                <span className="mr-2 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: label.color }} />
                <span className="font-medium">{label.name}</span> <span className="font-mono text-xs text-slate-500">{label.key}</span>
                {label.description && <p className="text-xs text-slate-500">{label.description}</p>}
              </Td>
              <Td className="text-slate-600">{LABEL_KIND_NAMES[label.kind]}</Td>
              <Td className="text-xs text-slate-600">
                {label.kind === "choice" && label.options.map((option) => option.label).join(" / ")}
                {label.kind === "scale" &&
                  scalePoints(label)
                    .map((point) => `${point.value}${point.label ? ` ${point.label}` : ""}`)
                    .join(" · ")}
                {label.kind === "boolean" && "Yes / No"}
                {label.kind === "span" && "Spans in the scratchpad"}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
});
