import { z } from "zod";
import { idSchema } from "@/lib/schemas";

/** How many annotators label each item: said in words when it is not a whole number from 1 to 20. */
const annotatorsPerItemSchema = z.coerce
  .number({ message: "A whole number from 1 to 20." })
  .int({ message: "A whole number from 1 to 20." })
  .min(1, { message: "At least 1 annotator per item." })
  .max(20, { message: "At most 20 annotators per item." });

/** The new-queue form (lib/team/queues/create.ts). */
export const QUEUE_SAMPLES = ["random", "first", "uncertain", "stratified"] as const;
export type QueueSample = (typeof QUEUE_SAMPLES)[number];

export const createQueueSchema = z.object({
  name: z.string().trim().min(1, { message: "Name the queue." }).max(120),
  description: z.string().trim().max(2_000).default(""),
  /** The transcripts table's query string (`variation=3&condition=training`), or empty for all transcripts. */
  filter: z.string().trim().max(2_000).default(""),
  size: z.coerce.number().int().min(1, { message: "At least one item." }).max(5_000, { message: "At most 5,000 items." }),
  sample: z.enum(QUEUE_SAMPLES).default("random"),
  /** Pick `size` pairs and queue both sides (training and deployment) of each. */
  pairs: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  annotatorsPerItem: annotatorsPerItemSchema,
  /** Form checkboxes: unchecked sends nothing, so "off" is the default. A hidden "blind=off" input makes the choice explicit. */
  blind: z.preprocess((v) => (Array.isArray(v) ? v.includes("on") : v === "on" || v === "true" || v === true), z.boolean()).default(true),
  /** Hide imported labels and judge suggestions until submit (a blind queue always does). On unless sent "off". */
  hideSuggestions: z
    .preprocess((v) => (Array.isArray(v) ? v.includes("on") : v === "on" || v === "true" || v === true), z.boolean())
    .default(true),
  annotatorIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().min(1).max(64)).min(1, { message: "Choose at least one annotator." }).max(100),
  ),
});
export type CreateQueueInput = z.infer<typeof createQueueSchema>;

/** The filter alone, for counting what it matches before the queue is made. */
export const queueFilterSchema = createQueueSchema.pick({ filter: true });

export const queueAnnotatorsSchema = z.object({
  queueId: idSchema,
  annotatorIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1).max(64)).max(100)),
});

export const queueSettingsSchema = z.object({
  queueId: idSchema,
  annotatorsPerItem: annotatorsPerItemSchema,
  blind: z.preprocess((v) => (Array.isArray(v) ? v.includes("on") : v === "on" || v === "true" || v === true), z.boolean()),
  hideSuggestions: z
    .preprocess((v) => (Array.isArray(v) ? v.includes("on") : v === "on" || v === "true" || v === true), z.boolean())
    .default(true),
  closed: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
});
export type QueueSettingsInput = z.infer<typeof queueSettingsSchema>;
export type QueueAnnotatorsInput = z.infer<typeof queueAnnotatorsSchema>;

/** `?queue=N` on the agreement, adjudication and audit pages: one queue, or (absent or not a number) all. */
export const queueQuery = z.object({ queue: idSchema.optional().catch(undefined) });

/** The agreement page: a queue, and the label whose agreement it shows per variation (an unknown key shows the default). */
export const agreementQuery = queueQuery.extend({ label: z.string().max(40).optional().catch(undefined) });

/** A lead's decision on one label of one transcript (lib/team/adjudication.ts). */
export const adjudicateSchema = z.object({
  transcriptId: idSchema,
  labelKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  /** The value as text from the form ("full", "3", "true"); empty clears the decision. */
  value: z.string().max(40).default(""),
  note: z.string().trim().max(2_000).default(""),
});
export type AdjudicateInput = z.infer<typeof adjudicateSchema>;
