import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { reparseStoredTranscripts } from "@/lib/transcripts/reparse";
import { exitWithError } from "./lib/exit";

// `npm run transcripts:reparse`: re-derives the turns, answer and format issues of stored transcripts
// with the current parser (untagged text into the answer); scratchpad_text, which spans address, never changes.
const database = await openDatabase("dev").catch(exitWithError);
const client = new pg.Client({ connectionString: database.url });
try {
  await client.connect();
  const outcome = await reparseStoredTranscripts(client, (o) =>
    process.stderr.write(`\r${o.read.toLocaleString("en")} read, ${o.updated.toLocaleString("en")} updated`),
  );
  process.stderr.write("\n");
  console.log(JSON.stringify(outcome));
} finally {
  await client.end();
  await database.stop();
}
