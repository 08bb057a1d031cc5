import { isObject, type Obj } from "./shapes";

/**
 * Inspect AI logs (`.eval` zips and `.json` documents, read by
 * lib/imports/readers/inspect.ts): each sample becomes a record the alias
 * table reads. The task is the setting and the model is the log's model
 * (both registry entries); the tier and the variation come from the sample's
 * metadata, else from the conversation's tags; each epoch is a sample
 * (sample_index = epoch - 1); every score is a source label (a dict-valued
 * score gives one label per key); `attachment://` references are resolved.
 */
export interface InspectHeader {
  task?: string;
  model?: string;
  evalId?: string;
}

/** Metadata keys that say what the alias table reads; others stay in the log. */
const METADATA_FIELDS = [
  "tier",
  "is_free_tier_user",
  "is_free_tier",
  "free_tier",
  "condition",
  "user_tier",
  "setting",
  "variation",
  "prompt_variation",
  "variant",
];

export function inspectHeader(log: Obj): InspectHeader {
  const evalSpec = isObject(log.eval) ? log.eval : {};
  const str = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  return {
    task: str(evalSpec.task_registry_name) ?? str(evalSpec.task),
    model: str(evalSpec.model),
    evalId: str(evalSpec.eval_id) ?? str(evalSpec.run_id),
  };
}

const ATTACHMENT = "attachment://";

/** Strings that are `attachment://<key>` become the attachment's text (Inspect moves long content out of the messages). */
function resolveAttachments(value: unknown, attachments: Obj): unknown {
  if (typeof value === "string") {
    if (!value.startsWith(ATTACHMENT)) return value;
    const found = attachments[value.slice(ATTACHMENT.length)];
    return typeof found === "string" ? found : value;
  }
  if (Array.isArray(value)) return value.map((item) => resolveAttachments(item, attachments));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveAttachments(v, attachments)]));
  return value;
}

function scoreLabels(scores: unknown): Record<string, unknown> {
  const labels: Record<string, unknown> = {};
  if (!isObject(scores)) return labels;
  for (const [scorer, score] of Object.entries(scores)) {
    const value = isObject(score) ? score.value : score;
    if (isObject(value)) for (const [key, inner] of Object.entries(value)) labels[`${scorer}.${key}`] = inner;
    else labels[scorer] = value;
  }
  return labels;
}

export function inspectSampleRecord(sample: Obj, header: InspectHeader): Record<string, unknown> {
  const attachments = isObject(sample.attachments) ? sample.attachments : {};
  let messages = Array.isArray(sample.messages) ? (resolveAttachments(sample.messages, attachments) as unknown[]) : [];
  const output = isObject(sample.output) ? sample.output : {};
  const choice = Array.isArray(output.choices) && isObject(output.choices[0]) ? output.choices[0] : null;
  const hasAssistant = messages.some((m) => isObject(m) && m.role === "assistant");
  if (!hasAssistant && choice && isObject(choice.message)) messages = [...messages, resolveAttachments(choice.message, attachments)];
  const metadata = isObject(sample.metadata) ? sample.metadata : {};
  const system = messages.find((m): m is Obj => isObject(m) && m.role === "system");
  const epoch = typeof sample.epoch === "number" && sample.epoch >= 1 ? sample.epoch : 1;
  const record: Record<string, unknown> = {};
  for (const key of METADATA_FIELDS) if (metadata[key] !== undefined && metadata[key] !== null) record[key] = metadata[key];
  return {
    ...record,
    id: `${String(sample.id ?? "?")} (epoch ${epoch})`,
    setting: record.setting ?? header.task,
    model: header.model ?? (typeof output.model === "string" ? output.model : undefined),
    sample_index: epoch - 1,
    messages,
    ...(system && typeof system.content === "string" ? { system_prompt: system.content } : {}),
    labels: scoreLabels(sample.scores),
    label_source: `inspect:${header.task ?? "scores"}`,
  };
}
