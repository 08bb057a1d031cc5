import { serve } from "./lib/serve";

// Production server (after `npm run build`), on the same data as `npm run dev`.
await serve("start", "dev", { args: process.argv.slice(2) });
