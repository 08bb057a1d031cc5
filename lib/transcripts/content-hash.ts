import { createHash } from "node:crypto";
import type { RawMessage } from "./types";

/** What makes two stored transcripts "the same": where they sit and what they say. */
export interface TranscriptIdentity {
  setting: string;
  variation: string;
  model: string;
  condition: "training" | "deployment";
  sampleIndex: number;
  messages: readonly RawMessage[];
}

/**
 * sha256 over the slot and the verbatim messages. Re-importing a file yields the
 * same hashes, so the unique index on content_hash turns a re-import into a no-op.
 */
export function transcriptContentHash(identity: TranscriptIdentity): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([identity.setting, identity.variation, identity.model, identity.condition, identity.sampleIndex]));
  for (const message of identity.messages) {
    hash.update("\u0000" + message.role + "\u0000" + message.content);
    // Only when present, so every transcript stored before parts existed keeps its hash.
    if (message.parts) hash.update("\u0001" + JSON.stringify(message.parts));
  }
  return hash.digest("hex");
}

export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
