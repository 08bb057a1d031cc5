import { writeFileSync } from "node:fs";
import { IMPORT_SCHEMA_FILES } from "@/lib/imports/record-json-schema";

// Regenerates the published JSON Schemas of the import record and the mapping; a test fails when they are stale.
for (const [file, build] of Object.entries(IMPORT_SCHEMA_FILES)) {
  writeFileSync(file, JSON.stringify(build(), null, 2) + "\n");
  console.log(`Wrote ${file}`);
}
