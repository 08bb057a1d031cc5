"use client";

import { setQueueAnnotatorsAction, updateQueueSettingsAction } from "@/lib/team/actions";
import { FieldError, TextField } from "@/components/ui/field";
import { ActionForm } from "./action-form";

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
            <label className="flex items-center gap-2 text-sm">
              <input type="hidden" name="blind" value="off" />
              <input type="checkbox" name="blind" defaultChecked={refused ? refused.getAll("blind").includes("on") : queue.blind} /> Blind
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="hidden" name="hideSuggestions" value="off" />
              <input
                type="checkbox"
                name="hideSuggestions"
                defaultChecked={refused ? refused.getAll("hideSuggestions").includes("on") : queue.hideSuggestions}
              />{" "}
              Hide imported labels and judge suggestions until each annotator submits (a blind queue always hides them)
            </label>
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
            <fieldset
              aria-describedby={errors?.annotatorIds ? "queue-settings-annotators-error" : undefined}
              aria-invalid={errors?.annotatorIds ? true : undefined}
            >
              <legend className="text-sm font-semibold">Annotators</legend>
              <div className="mt-1 space-y-1">
                {users.map((user) => (
                  <label key={user.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="annotatorIds"
                      value={user.id}
                      defaultChecked={refused ? refused.getAll("annotatorIds").includes(user.id) : members.includes(user.id)}
                    />{" "}
                    {user.name} <span className="text-slate-500">{user.email}</span>
                  </label>
                ))}
              </div>
              <FieldError id="queue-settings-annotators-error" name="annotatorIds" errors={errors?.annotatorIds} />
            </fieldset>
          </>
        )}
      </ActionForm>
    </div>
  );
}
