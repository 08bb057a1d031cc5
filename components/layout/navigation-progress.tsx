"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * A thin bar at the top of the window from a click on an in-app link (or a
 * `startNavigationProgress()` call, e.g. "Submit & next") until the new URL
 * is rendered: on a slow link the old page otherwise sits unchanged for
 * seconds. It appears after 150 ms (CSS delay) so fast navigations do not
 * flash. Keyed by the location it started on: arriving anywhere else ends it.
 */
const START_EVENT = "af:navigation-start";

export function startNavigationProgress() {
  window.dispatchEvent(new Event(START_EVENT));
}

export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = `${pathname}?${search}`;
  const [startedAt, setStartedAt] = useState<string | null>(null);

  useEffect(() => {
    const current = () => `${window.location.pathname}?${window.location.search.replace(/^\?/, "")}`;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a");
      if (!anchor || anchor.hasAttribute("download") || (anchor.target && anchor.target !== "_self")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return; // a hash, or this page
      setStartedAt(current());
    };
    const onStart = () => setStartedAt(current());
    // Capture phase: Next's <Link> prevents the default in its own handler, which runs before a bubbling listener here.
    document.addEventListener("click", onClick, true);
    window.addEventListener(START_EVENT, onStart);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener(START_EVENT, onStart);
    };
  }, []);

  if (startedAt !== here) return null;
  return (
    <div role="progressbar" aria-label="Loading the page" aria-busy="true" data-navigation-progress className="nav-progress">
      <div className="nav-progress-bar" />
    </div>
  );
}
