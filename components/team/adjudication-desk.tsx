"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { adjudicateAction } from "@/lib/team/actions";
import { KeyHelp, sectionOf } from "@/components/keys/key-help";
import { ADJUDICATION_SCOPE, GLOBAL_SCOPE } from "@/lib/keys/map";
import { listenForKeys } from "@/lib/keys/listening";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

export interface DeskRow {
  key: string;
  name: string;
  /** Each annotator's value, as shown (same order as `annotators`). */
  votes: string[];
  consensus: string | null;
  method: string | null;
  disagree: boolean;
  decided: string | null;
  options: { value: string; label: string }[];
}

/**
 * A lead's decisions on one transcript, from the keyboard or the mouse: the
 * highlighted label (j/k) takes a choice by its number, saved at once; one
 * reason field serves every decision here and is kept after each (it goes
 * into the audit log with the decision); n opens the next disagreement.
 * A select and "Decide" per row stay for the mouse.
 */
export function AdjudicationDesk({
  transcriptId,
  annotators,
  rows,
  nextHref,
}: {
  transcriptId: number;
  annotators: { id: string; name: string }[];
  rows: DeskRow[];
  nextHref: string | null;
}) {
  const router = useRouter();
  const decidable = rows.filter((row) => row.disagree || row.decided !== null);
  const firstOpen = Math.max(
    0,
    decidable.findIndex((row) => row.decided === null),
  );
  const [focus, setFocus] = useState(firstOpen);
  const [reason, setReason] = useState("");
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const help = useRef<HTMLDialogElement>(null);
  const focused = decidable[focus];

  const decide = (row: DeskRow, value: string) =>
    startTransition(async () => {
      const result = await adjudicateAction({ transcriptId, labelKey: row.key, value, note: reason });
      const picked = row.options.find((option) => option.value === value)?.label;
      setStatus({
        ok: result.ok,
        text: result.ok ? `${row.name}: ${picked ? `decided “${picked}”` : "decision cleared"}.` : result.message,
      });
      if (result.ok) {
        setChosen((previous) => ({ ...previous, [row.key]: value }));
        // On to the next label still open, if any: deciding a transcript is a walk down its disagreements.
        const next = decidable.findIndex((candidate, index) => index > focus && candidate.decided === null && !(candidate.key in chosen));
        if (value !== "" && next >= 0) setFocus(next);
        router.refresh();
      }
    });

  useEffect(() => {
    const element = help.current;
    if (!element) return;
    if (helpOpen && !element.open) element.showModal();
    if (!helpOpen && element.open) element.close();
  }, [helpOpen]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT");
      if (typing) {
        if (event.key === "Escape") target.blur();
        return;
      }
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen((open) => !open);
        return;
      }
      if (helpOpen || pending) return;
      if (event.key === "j" || event.key === "ArrowDown") {
        event.preventDefault();
        setFocus((index) => Math.min(decidable.length - 1, index + 1));
      } else if (event.key === "k" || event.key === "ArrowUp") {
        event.preventDefault();
        setFocus((index) => Math.max(0, index - 1));
      } else if (event.key === "r") {
        event.preventDefault();
        reasonField.current?.focus();
      } else if (event.key === "n" && nextHref) {
        event.preventDefault();
        router.push(nextHref);
      } else if (/^[0-9]$/.test(event.key) && focused) {
        const digit = Number(event.key);
        if (digit === 0) decide(focused, "");
        else if (focused.options[digit - 1]) decide(focused, focused.options[digit - 1].value);
        else return;
        event.preventDefault();
      }
    };
    return listenForKeys("adjudication", window, onKey);
  });

  return (
    <div className="space-y-3">
      <section aria-label="Labels side by side" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
        <Table aria-label="Labels to decide">
          <THead>
            <Tr>
              <Th>Label</Th>
              {annotators.map((annotator) => (
                <Th key={annotator.id}>{annotator.name}</Th>
              ))}
              <Th>Consensus</Th>
              <Th>Decision</Th>
            </Tr>
          </THead>
          <Tbody>
            {rows.map((row) => {
              const index = decidable.indexOf(row);
              const active = index >= 0 && index === focus;
              const selected = chosen[row.key] ?? row.decided ?? "";
              return (
                <Tr
                  key={row.key}
                  data-label={row.key}
                  aria-current={active ? "true" : undefined}
                  onClick={() => index >= 0 && setFocus(index)}
                  className={`border-t border-slate-100 ${active ? "bg-indigo-50 outline outline-2 outline-indigo-400" : row.disagree ? "bg-amber-50" : ""}`}
                >
                  <Td className="font-medium">
                    {/* Not colour alone: the highlighted label also carries a marker. */}
                    <span aria-hidden className={`mr-1 inline-block w-3 text-indigo-700 ${active ? "" : "invisible"}`}>
                      ▸
                    </span>
                    {row.name}
                    {row.disagree && <span className="ml-1 text-xs font-normal text-amber-800">(disagree)</span>}
                  </Td>
                  {row.votes.map((vote, column) => (
                    <Td key={annotators[column].id}>{vote}</Td>
                  ))}
                  <Td data-consensus>
                    {row.consensus ?? "—"} {row.method && <span className="text-xs text-slate-500">({row.method})</span>}
                  </Td>
                  <Td>
                    {index >= 0 && (
                      <div className="flex flex-wrap items-center gap-2">
                        <select
                          name="value"
                          value={selected}
                          onChange={(event) => setChosen((previous) => ({ ...previous, [row.key]: event.target.value }))}
                          aria-label={`Decision for ${row.name}`}
                          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                        >
                          <option value="">No decision</option>
                          {row.options.map((option, number) => (
                            <option key={option.value} value={option.value}>
                              {number < 9 ? `${number + 1} · ` : ""}
                              {option.label}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          disabled={pending}
                          onClick={() => decide(row, selected)}
                          className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
                        >
                          Decide
                        </button>
                        {active && (
                          <span className="w-full text-xs text-slate-600" data-digit-hint>
                            Keys:{" "}
                            {row.options
                              .slice(0, 9)
                              .map((option, number) => `${number + 1} ${option.label}`)
                              .join(" · ")}{" "}
                            · 0 clears
                          </span>
                        )}
                      </div>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      </section>
      <div className="flex flex-wrap items-start gap-4">
        <label className="block min-w-72 flex-1 text-sm">
          <span className="font-medium">Reason</span>{" "}
          <span className="text-slate-500">(r; kept for every decision here, saved with each)</span>
          <textarea
            ref={reasonField}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={2000}
            rows={2}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <div className="space-y-2 text-sm">
          {nextHref ? (
            <Link
              href={nextHref}
              className="inline-block rounded-md border border-indigo-600 px-3 py-1.5 font-medium text-indigo-700 hover:bg-indigo-50"
            >
              Next disagreement (n) →
            </Link>
          ) : (
            <p className="text-slate-600">No other disagreement waits for a decision.</p>
          )}
          <p className="text-slate-500">
            Keys: j/k move, 1–9 decide, 0 clears, r reason, n next ·{" "}
            <button type="button" onClick={() => setHelpOpen(true)} className="text-indigo-700 underline">
              all keys (?)
            </button>
          </p>
        </div>
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${status?.ok === false ? "text-red-700" : "text-emerald-700"}`}>
        {pending ? "Saving…" : status?.text}
      </p>
      <dialog
        ref={help}
        aria-labelledby="adjudication-keys-title"
        onClose={() => setHelpOpen(false)}
        onClick={(event) => event.target === help.current && setHelpOpen(false)}
        className="m-auto w-[34rem] max-w-[95vw] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id="adjudication-keys-title" className="text-base font-semibold">
            Keyboard: {ADJUDICATION_SCOPE.title}
          </h2>
          <KeyHelp sections={[sectionOf(ADJUDICATION_SCOPE), sectionOf(GLOBAL_SCOPE)]} />
        </div>
      </dialog>
    </div>
  );
}
