import { parseConversationText, parseMessages } from "./parse";
import type { ParsedTranscript, RawMessage } from "./types";

/**
 * A conversation that arrived as one string (the native format, no role/content
 * turns) is stored verbatim as a single message with this role. Splitting it
 * into turns ourselves would store text the source never had.
 */
export const CONVERSATION_ROLE = "conversation";

export function conversationMessages(text: string): RawMessage[] {
  return [{ role: CONVERSATION_ROLE, content: text }];
}

/** Parses stored raw messages, whichever of the two shapes they have. */
export function parseStoredMessages(messages: readonly RawMessage[]): ParsedTranscript {
  if (messages.length === 1 && messages[0].role === CONVERSATION_ROLE) return parseConversationText(messages[0].content);
  return parseMessages(messages as RawMessage[]);
}
