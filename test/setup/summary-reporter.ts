import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** CI reads only a plain "N passed, N failed" line: print it from Vitest's own results. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed outside its tests (a beforeAll hook, an import) counts as one failure:
      // its tests are only reported as skipped.
      if (module.state() === 'failed' && failedHere === 0) failedHere = 1;
      failed += failedHere;
    }
    failed += unhandledErrors.length;
    const line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    writeFileSync('test-results.txt', `${line}\n`);
    process.stdout.write(`\n${line}\n`);
  }
}
