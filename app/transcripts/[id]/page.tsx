import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { ConditionBadge } from "@/components/transcripts/condition-badge";
import { TranscriptView } from "@/components/transcripts/transcript-view";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { pairHref } from "@/lib/transcripts/pair-state";
import { getTranscript } from "@/lib/transcripts/queries";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Transcript ${(await params).id}` };
}

export default async function TranscriptPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const result = await loadFromDatabase(() => getTranscript(parsed.data.id));
  if (!result.ok) return <DatabaseUnavailable />;
  const transcript = result.data;
  if (!transcript) notFound();

  return (
    <article className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/transcripts" className="hover:underline">
            Transcripts
          </Link>{" "}
          / #{transcript.id}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Transcript #{transcript.id}</h1>
          <ConditionBadge condition={transcript.condition} />
        </div>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <Meta label="Setting" value={transcript.setting} />
          <Meta label="Variation" value={transcript.variation} />
          <Meta label="Model" value={transcript.model} />
          <Meta label="Dataset" value={transcript.dataset} />
        </dl>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={pairHref(transcript.pairId, { at: transcript.id })} className="font-medium text-indigo-600 hover:underline">
            Compare side by side (pair #{transcript.pairId}) →
          </Link>
          {transcript.partnerId ? (
            <Link href={`/transcripts/${transcript.partnerId}`} className="text-indigo-600 hover:underline">
              Open its {transcript.condition === "training" ? "deployment" : "training"} partner →
            </Link>
          ) : (
            <span className="text-amber-700">Its {transcript.condition === "training" ? "deployment" : "training"} partner is missing.</span>
          )}
        </p>
        {transcript.formatIssues.length > 0 && (
          <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Format issues: {transcript.formatIssues.join(", ").replaceAll("_", " ")}
          </p>
        )}
      </header>
      <TranscriptView query={transcript.query} turns={transcript.turns} />
    </article>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-400">{label}</dt>
      <dd className="font-medium text-slate-700">{value}</dd>
    </div>
  );
}
