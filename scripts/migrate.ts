import { openDatabase } from "@/lib/db/open-database";
import { exitWithError } from "./lib/exit";

// Applies pending migrations (openDatabase does it) and stops.
const database = await openDatabase("dev").catch(exitWithError);
await database.stop();
