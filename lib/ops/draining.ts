/**
 * Set when the web server has been asked to stop (scripts/web-server.ts): it
 * finishes the requests it has, and /api/ready answers 503 so a load balancer
 * sends new ones elsewhere. Kept on globalThis: the server script and Next's
 * bundled route handlers are different module graphs in one process.
 */
const state = globalThis as unknown as { afLensDraining?: boolean };

export function startDraining() {
  state.afLensDraining = true;
}

export function isDraining(): boolean {
  return state.afLensDraining === true;
}
