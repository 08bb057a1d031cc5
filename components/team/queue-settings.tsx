"use client";

import { setQueueAnnotatorsAction, updateQueueSettingsAction } from "@/lib/team/actions";
import { TextField } from "@/components/ui/field";
import { ActionForm } from "./action-form";
import { AnnotatorChoice, HIDE_SUGGESTIONS_TEXT, OnOffCheckbox } from "./queue-fields";

/** A lead's controls of one queue: settings, and who annotates it. Each error shows beside its field (the kit's Field). */
export function QueueSettings({
  queue,
  users,
  members,
}: {
  queue: { id: number; blind: boolean; hideSuggestions: boolean; annotatorsPerItem: number; closed: boolean };
  users: { id: string; name: string; email: string }[];
  members: string[];
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <ActionForm
        action={updateQueueSettingsAction}
        submitLabel="Save settings"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        {(errors, refused) => (
          <>
            <h2 className="text-sm font-semibold">Settings</h2>
            <input type="hidden" name="queueId" value={queue.id} />
            <TextField
              label="Annotators per item"
              name="annotatorsPerItem"
              id="queue-settings-per-item"
              type="number"
              min={1}
              max={20}
              defaultValue={String(refused?.get("annotatorsPerItem") ?? queue.annotatorsPerItem)}
              errors={errors?.annotatorsPerItem}
              className="w-44"
            />
            <OnOffCheckbox name="blind" defaultChecked={refused ? refused.getAll("blind").includes("on") : queue.blind}>
              Blind
            </OnOffCheckbox>
            <OnOffCheckbox
              name="hideSuggestions"
              defaultChecked={refused ? refused.getAll("hideSuggestions").includes("on") : queue.hideSuggestions}
            >
              {HIDE_SUGGESTIONS_TEXT}
            </OnOffCheckbox>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="closed" defaultChecked={refused ? refused.has("closed") : queue.closed} /> Closed (hands out no
              more items)
            </label>
          </>
        )}
      </ActionForm>
      <ActionForm
        action={setQueueAnnotatorsAction}
        submitLabel="Save annotators"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        {(errors, refused) => (
          <>
            <input type="hidden" name="queueId" value={queue.id} />
            <AnnotatorChoice
              id="queue-settings-annotators"
              users={users}
              isChecked={(id) => (refused ? refused.getAll("annotatorIds").includes(id) : members.includes(id))}
              errors={errors?.annotatorIds}
              legend={{ text: "Annotators", className: "text-sm font-semibold" }}
              listClassName="mt-1 space-y-1"
            />
          </>
        )}
      </ActionForm>
    </div>
  );
}
