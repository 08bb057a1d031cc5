import { insertE2eFixtures } from "../e2e/fixtures/insert";
import { seedE2eFixtures } from "./lib/e2e-fixtures";
import { serve } from "./lib/serve";

// The server Playwright drives: production build, its own fresh embedded
// database (never the dev data), demo corpus and demo accounts loaded at start,
// plus fixtures: shared-data transcripts, markup and size probes, and a
// transcript for span offsets (emoji, CRLF).
// The app's public address is the one Playwright opens (its baseURL): opened at another host name
// for the same port, the sign-in page says where to go instead (e2e/auth.spec.ts).
process.env.BETTER_AUTH_URL ??= `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}`;

await serve("start", "e2e", {
  fresh: true,
  args: ["--port", process.env.E2E_PORT ?? "3100"],
  prepare: async (databaseUrl) => {
    await insertE2eFixtures(databaseUrl);
    await seedE2eFixtures(databaseUrl);
  },
});
