import type { Metadata } from "next";
import { z } from "zod";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { Pagination } from "@/components/transcripts/pagination";
import { TranscriptList } from "@/components/transcripts/transcript-list";
import { requireSession } from "@/lib/auth/server";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { PAGE_SIZE, listTranscripts } from "@/lib/transcripts/queries";

export const metadata: Metadata = { title: "Transcripts" };

const searchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1) });

export default async function TranscriptsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSession();
  const { page } = searchSchema.parse(await searchParams);
  const result = await loadFromDatabase(() => listTranscripts(page));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Transcripts</h1>
      {result.ok ? (
        <>
          <TranscriptList items={result.data.items} />
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(result.data.total / PAGE_SIZE))} total={result.data.total} />
        </>
      ) : (
        <DatabaseUnavailable />
      )}
    </div>
  );
}
