import { insertE2eFixtures } from "../e2e/fixtures/insert";
import { serve } from "./lib/serve";

// The server Playwright drives: production build, its own fresh embedded
// database (never the dev data), demo corpus and e2e fixtures loaded at start.
await serve("start", "e2e", { fresh: true, args: ["--port", process.env.E2E_PORT ?? "3100"], prepare: insertE2eFixtures });
