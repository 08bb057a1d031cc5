/**
 * Which key scopes are listening right now, as tokens of `<html data-keys>`
 * ("global annotation"). A key pressed before React hydrates a page is lost;
 * a browser test waits for the scope's token before it presses (e2e
 * `keysReady`), and the attribute says so to anyone inspecting the page.
 */
const listening = new Map<string, number>();

function publish() {
  document.documentElement.dataset.keys = [...listening.keys()].sort().join(" ");
}

/** Adds `onKey` to `target` and marks `scope` as listening until the returned cleanup runs. */
export function listenForKeys(scope: string, target: Window | Document, onKey: (event: KeyboardEvent) => void): () => void {
  target.addEventListener("keydown", onKey as EventListener);
  listening.set(scope, (listening.get(scope) ?? 0) + 1);
  publish();
  return () => {
    target.removeEventListener("keydown", onKey as EventListener);
    const count = (listening.get(scope) ?? 1) - 1;
    if (count === 0) listening.delete(scope);
    else listening.set(scope, count);
    publish();
  };
}
