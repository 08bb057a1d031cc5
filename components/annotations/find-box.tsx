"use client";

import { useRef, useState } from "react";
import { findInText } from "@/lib/annotations/doc";
import { useAnnotation } from "./annotation-context";
import { selectStoredRange } from "./selection";

/**
 * `/`: type a phrase, Enter selects its next match in the scratchpad and
 * returns to the page, where a span label's key tags it. Text selection
 * without the mouse.
 */
export function FindBox() {
  const { findOpen, setFindOpen, scope, scratchpadText, say } = useAnnotation();
  const [query, setQuery] = useState("");
  const after = useRef(0);
  if (!findOpen) return null;

  const find = () => {
    const match = findInText(scratchpadText, query, after.current);
    if (!match) return say(`“${query}” is not in the scratchpad.`);
    after.current = match.end;
    setFindOpen(false);
    // After the box is gone, so that the selection is not inside it.
    requestAnimationFrame(() => {
      selectStoredRange(scope, scratchpadText, match.start, match.end);
      say("Selected. Press a span label’s key to tag it.");
    });
  };

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        find();
      }}
      className="flex gap-2"
    >
      <label htmlFor={`${scope}-find`} className="sr-only">
        Find in the scratchpad
      </label>
      <input
        id={`${scope}-find`}
        autoFocus
        // The last search is kept but selected: typing replaces it, Enter finds its next match.
        onFocus={(event) => event.currentTarget.select()}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && setFindOpen(false)}
        placeholder="Find in the scratchpad, Enter selects"
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
    </form>
  );
}
