import "vitest";

// What the global setup hands every database test through `inject(...)`.
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
