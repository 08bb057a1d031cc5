import type { Metadata } from "next";
import Link from "next/link";
import { variationsOverview } from "@/lib/access/transcripts";
import { page } from "@/lib/server/page";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

export const metadata: Metadata = { title: "Variations" };

const number = new Intl.NumberFormat("en");

export default page({}, async () => {
  const settings = await variationsOverview();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Prompt variations</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each setting&apos;s system prompt with one thing changed. Open one to read its prompt and what differs from the baseline.
        </p>
      </div>
      {settings.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
          No variations yet: import transcripts first.
        </p>
      ) : (
        settings.map((setting) => (
          <section key={setting.id} aria-label={setting.name} className="space-y-2">
            <h2 className="text-lg font-semibold text-slate-900">{setting.name}</h2>
            <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
              <Table aria-label={`Variations of ${setting.name}`}>
                <THead>
                  <Tr>
                    <Th>Variation</Th>
                    <Th className="w-40">System prompt</Th>
                    <Th numeric className="w-28">
                      Training
                    </Th>
                    <Th numeric className="w-28">
                      Deployment
                    </Th>
                  </Tr>
                </THead>
                <Tbody>
                  {setting.variations.map((variation) => (
                    <Tr key={variation.id} hover>
                      <Td>
                        <Link href={`/variations/${variation.id}`} className="font-medium text-indigo-700 hover:underline">
                          {variation.name}
                        </Link>
                        {variation.isBaseline && (
                          <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">baseline</span>
                        )}
                      </Td>
                      <Td className="text-xs">
                        {variation.hasSystemPrompt ? (
                          <span className="text-emerald-700">stored</span>
                        ) : (
                          <span className="text-slate-500">none</span>
                        )}
                      </Td>
                      <Td numeric>{number.format(variation.training)}</Td>
                      <Td numeric>{number.format(variation.deployment)}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </div>
          </section>
        ))
      )}
    </div>
  );
});
