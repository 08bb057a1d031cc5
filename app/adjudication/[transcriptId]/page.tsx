import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AdjudicationDesk, type DeskRow } from "@/components/team/adjudication-desk";
import { ConsensusRule } from "@/components/team/consensus-rule";
import { ConditionBadge } from "@/components/transcripts/condition-badge";
import { TranscriptView } from "@/components/transcripts/transcript-view";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { scalePoints, type LabelDefinition } from "@/lib/annotations/schema-definition";
import { describeValue, type LabelValue } from "@/lib/annotations/values";
import { adjudicationPage } from "@/lib/access/team";
import { idSchema } from "@/lib/schemas";
import { page } from "@/lib/server/page";
import { CONSENSUS_METHOD_NAMES } from "@/lib/team/consensus-rule";

export const metadata: Metadata = { title: "Adjudicate" };

const transcriptParams = z.object({ transcriptId: idSchema });
/** `?queue=`: the disagreements of one queue (from its list): "next disagreement" stays in it. */
const adjudicationQuery = z.object({ queue: idSchema.optional().catch(undefined) });

function optionsOf(label: LabelDefinition): { value: string; label: string }[] {
  switch (label.kind) {
    case "boolean":
      return [
        { value: "true", label: "Yes" },
        { value: "false", label: "No" },
      ];
    case "span":
      return [
        { value: "true", label: "Has evidence" },
        { value: "false", label: "No evidence" },
      ];
    case "choice":
      return label.options.map((option) => ({ value: option.value, label: option.label }));
    case "scale":
      return scalePoints(label).map((point) => ({
        value: String(point.value),
        label: point.label ? `${point.value} · ${point.label}` : String(point.value),
      }));
  }
}

function show(label: LabelDefinition, value: LabelValue | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (label.kind === "span") return value ? "Has evidence" : "No evidence";
  return describeValue(label, value);
}

/**
 * One transcript's labels side by side, by annotator (leads only: an
 * annotator gets 403 here, like at /api/transcripts/:id/labels), the
 * consensus per label and how it was reached, and the lead's decision.
 */
export default page({ role: "lead", params: transcriptParams, searchParams: adjudicationQuery }, async ({ params, searchParams }) => {
  const [{ transcript, labels, nextDisagreement, undecided }, schema] = await Promise.all([
    adjudicationPage(params.transcriptId, searchParams.queue),
    getCurrentSchema(),
  ]);
  const consensus = new Map(labels.consensus.map((c) => [c.labelKey, c]));
  const spanVote = (annotator: (typeof labels.annotators)[number], key: string) => annotator.spans.some((span) => span.labelKey === key);
  const withQueue = searchParams.queue ? `?queue=${searchParams.queue}` : "";
  const rows: DeskRow[] = schema.labels.map((label) => {
    const c = consensus.get(label.key);
    return {
      key: label.key,
      name: label.name,
      votes: labels.annotators.map((annotator) =>
        show(label, label.kind === "span" ? spanVote(annotator, label.key) : annotator.values[label.key]),
      ),
      consensus: c ? show(label, c.value) : null,
      method: c ? CONSENSUS_METHOD_NAMES[c.method] : null,
      disagree: c ? Object.keys(c.votes).length > 1 : false,
      decided: c?.method === "adjudicated" && c.value !== null ? String(c.value) : null,
      options: optionsOf(label),
    };
  });

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`/adjudication${withQueue}`} className="hover:underline">
            Adjudication
          </Link>{" "}
          / #{transcript.id} · {undecided} other {undecided === 1 ? "disagreement waits" : "disagreements wait"}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Adjudicate transcript #{transcript.id}</h1>
          <ConditionBadge condition={transcript.condition} />
        </div>
        <p className="text-sm text-slate-600">
          {transcript.setting} · {transcript.variation} · {transcript.model} ·{" "}
          <Link href={`/transcripts/${transcript.id}`} className="text-indigo-700 hover:underline">
            open the transcript
          </Link>{" "}
          ·{" "}
          <Link href={`/audit?transcript=${transcript.id}`} className="text-indigo-700 hover:underline">
            audit
          </Link>
        </p>
      </div>
      <AdjudicationDesk
        transcriptId={transcript.id}
        annotators={labels.annotators.map((annotator) => ({ id: annotator.annotatorId, name: annotator.annotatorName }))}
        rows={rows}
        nextHref={nextDisagreement ? `/adjudication/${nextDisagreement}${withQueue}` : null}
      />
      {labels.annotators.some((a) => a.note) && (
        <section aria-label="Annotators' notes" className="text-sm text-slate-700">
          <h2 className="font-semibold">Notes</h2>
          <ul className="mt-1 space-y-1">
            {labels.annotators
              .filter((a) => a.note)
              .map((a) => (
                <li key={a.annotatorId}>
                  <span className="font-medium">{a.annotatorName}:</span> {a.note}
                </li>
              ))}
          </ul>
        </section>
      )}
      <ConsensusRule />
      <TranscriptView query={transcript.query} turns={transcript.turns} />
    </div>
  );
});
