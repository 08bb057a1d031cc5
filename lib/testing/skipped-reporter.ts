import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Lists every skipped test at the end of the run, by file and name: on a
 * fresh clone without ../shared/data the tests that need it skip, and their
 * names say which file is absent (lib/testing/shared-data.ts).
 */
export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests()]
        .filter((test) => test.result().state === "skipped")
        .map((test) => `${path.relative(process.cwd(), module.moduleId)} > ${test.fullName}`),
    );
    if (skipped.length) console.log(`\nSkipped (${skipped.length}):\n${skipped.map((name) => `  - ${name}`).join("\n")}\n`);
  }
}
