import { serve } from "./lib/serve";

await serve("dev", "dev", { args: process.argv.slice(2) });
