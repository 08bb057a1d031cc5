import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AdjudicateForm } from "@/components/team/adjudicate-form";
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
export default page({ role: "lead", params: transcriptParams }, async ({ params }) => {
  const [{ transcript, labels }, schema] = await Promise.all([adjudicationPage(params.transcriptId), getCurrentSchema()]);
  const consensus = new Map(labels.consensus.map((c) => [c.labelKey, c]));
  const spanVote = (annotator: (typeof labels.annotators)[number], key: string) => annotator.spans.some((span) => span.labelKey === key);

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/adjudication" className="hover:underline">
            Adjudication
          </Link>{" "}
          / #{transcript.id}
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
      <section aria-label="Labels side by side" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Label</th>
              {labels.annotators.map((annotator) => (
                <th key={annotator.annotatorId}>{annotator.annotatorName}</th>
              ))}
              <th>Consensus</th>
              <th>Decision</th>
            </tr>
          </thead>
          <tbody>
            {schema.labels.map((label) => {
              const c = consensus.get(label.key);
              const values = labels.annotators.map((annotator) =>
                label.kind === "span" ? spanVote(annotator, label.key) : annotator.values[label.key],
              );
              const disagree = c ? Object.keys(c.votes).length > 1 : false;
              return (
                <tr key={label.key} data-label={label.key} className={`border-t border-slate-100 ${disagree ? "bg-amber-50" : ""}`}>
                  <td className="py-2 pr-2 font-medium">{label.name}</td>
                  {values.map((value, index) => (
                    <td key={labels.annotators[index].annotatorId} className="pr-2">
                      {show(label, value)}
                    </td>
                  ))}
                  <td className="pr-2" data-consensus>
                    {c ? (
                      <>
                        {show(label, c.value)} <span className="text-xs text-slate-500">({CONSENSUS_METHOD_NAMES[c.method]})</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    {(disagree || c?.method === "adjudicated") && (
                      <AdjudicateForm
                        // Remounted when the decision changes: the select then shows the stored decision, not the form's reset state.
                        key={`${label.key}:${c?.method === "adjudicated" ? String(c.value) : ""}`}
                        transcriptId={transcript.id}
                        labelKey={label.key}
                        labelName={label.name}
                        options={optionsOf(label)}
                        decided={c?.method === "adjudicated" && c.value !== null ? String(c.value) : null}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {labels.annotators.some((a) => a.note) && (
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {labels.annotators
              .filter((a) => a.note)
              .map((a) => (
                <li key={a.annotatorId}>
                  <span className="font-medium">{a.annotatorName}:</span> {a.note}
                </li>
              ))}
          </ul>
        )}
      </section>
      <ConsensusRule />
      <TranscriptView query={transcript.query} turns={transcript.turns} />
    </div>
  );
});
