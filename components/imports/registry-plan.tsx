"use client";

import type { PlanEntry } from "@/lib/imports/registry-plan";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

export type Choices = Record<string, "join" | "apart">;
export const choiceKey = (entry: Pick<PlanEntry, "kind" | "name">) => `${entry.kind}:${entry.name}`;

/** The default: join what exists, except the demo corpus's settings and models, which real data should not mix with. */
export function defaultChoice(entry: PlanEntry): "join" | "apart" {
  return entry.exists && entry.demoTranscripts > 0 ? "apart" : "join";
}

const KIND_LABEL: Record<PlanEntry["kind"], string> = { setting: "Setting", variation: "Variation", model: "Model", dataset: "Dataset" };

/**
 * What the file will create and what it will join, before anything is
 * written; an existing setting or model can be kept apart (stored under its
 * name with the dataset's after it). Variations follow their setting.
 */
export function RegistryPlan(props: {
  plan: PlanEntry[];
  scanned: { records: number; complete: boolean };
  choices: Choices;
  onChoose: (key: string, choice: "join" | "apart") => void;
}) {
  const choosable = (entry: PlanEntry) => entry.exists && (entry.kind === "setting" || entry.kind === "model");
  return (
    <section aria-label="What the file will create and join" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-medium text-slate-900">
        What the file will create and join{" "}
        <span className="text-sm font-normal text-slate-500">
          — from {props.scanned.complete ? "the whole file" : `the first ${props.scanned.records.toLocaleString("en")} records`}
        </span>
      </h3>
      <Table aria-label="Registry plan">
        <THead>
          <Tr>
            <Th>Kind</Th>
            <Th>Name</Th>
            <Th>Now</Th>
            <Th>Import</Th>
          </Tr>
        </THead>
        <Tbody>
          {props.plan.map((entry) => {
            const key = choiceKey(entry);
            const choice = props.choices[key] ?? defaultChoice(entry);
            return (
              <Tr key={`${key}:${entry.setting ?? ""}`}>
                <Td className="text-slate-600">{KIND_LABEL[entry.kind]}</Td>
                <Td>
                  <span className="font-medium text-slate-900">{entry.name}</span>
                  {entry.setting !== undefined && <span className="ml-1 text-xs text-slate-500">in {entry.setting}</span>}
                </Td>
                <Td className="text-xs">
                  {!entry.exists ? (
                    <span className="text-emerald-700">new: will be created</span>
                  ) : (
                    <span className={entry.demoTranscripts > 0 ? "text-amber-800" : "text-slate-700"}>
                      exists, {entry.transcripts.toLocaleString("en")} transcripts
                      {entry.demoTranscripts > 0 && ` (${entry.demoTranscripts.toLocaleString("en")} of them generated demo data)`}
                    </span>
                  )}
                </Td>
                <Td className="text-xs">
                  {choosable(entry) ? (
                    <select
                      aria-label={`${KIND_LABEL[entry.kind]} ${entry.name}`}
                      value={choice}
                      onChange={(event) => props.onChoose(key, event.target.value as "join" | "apart")}
                      className="rounded-md border border-slate-300 bg-white px-2 py-0.5"
                    >
                      <option value="join">join the existing one</option>
                      <option value="apart">keep apart (a new one)</option>
                    </select>
                  ) : entry.exists ? (
                    entry.kind === "dataset" ? (
                      "joins it (rename the dataset above to keep apart)"
                    ) : (
                      "joins it (follows its setting)"
                    )
                  ) : (
                    "creates it"
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </section>
  );
}
