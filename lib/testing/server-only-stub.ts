// Vitest runs server modules outside React's server environment, where the real
// "server-only" package throws by design; tests get this empty stand-in.
export {};
