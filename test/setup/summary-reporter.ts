import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Reporter, TestModule } from 'vitest/node';

export const DURATIONS_FILE = 'test-results/durations.txt';

/**
 * CI reads only a plain "N passed, N failed" line: print it from Vitest's own results. Also
 * writes test-results/durations.txt: the wall time of the run, each project's summed file time,
 * and every file's time split into importing it, its tests and the rest (hooks: beforeAll with
 * its api and browser, afterAll), slowest first — the figures to compare when CI gets slower.
 */
export default class SummaryReporter implements Reporter {
  private started = Date.now();

  onTestRunStart(): void {
    this.started = Date.now();
  }

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
    writeDurations(testModules, Date.now() - this.started);
    process.stdout.write(`\n${line}\n`);
  }
}

function writeDurations(testModules: ReadonlyArray<TestModule>, wallMs: number): void {
  const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
  const rows = testModules.map((module) => {
    const d = module.diagnostic();
    let tests = 0;
    for (const test of module.children.allTests()) tests += test.diagnostic()?.duration ?? 0;
    const total = d.collectDuration + d.duration;
    return { project: module.project.name, file: module.moduleId.replace(`${process.cwd()}/`, ''), total, collect: d.collectDuration, tests, other: Math.max(0, d.duration - tests) };
  });
  rows.sort((a, b) => b.total - a.total);
  const perProject = new Map<string, number>();
  for (const r of rows) perProject.set(r.project, (perProject.get(r.project) ?? 0) + r.total);
  const lines = [
    `wall ${seconds(wallMs)} s, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`,
    ...[...perProject].map(([project, ms]) => `${project.padEnd(5)} ${seconds(ms)} s summed over its files`),
    '',
    'project    total  import   tests  hooks  file   (seconds)',
    ...rows.map((r) => `${r.project.padEnd(5)} ${seconds(r.total)} ${seconds(r.collect)} ${seconds(r.tests)} ${seconds(r.other)}  ${r.file}`),
  ];
  mkdirSync('test-results', { recursive: true });
  writeFileSync(DURATIONS_FILE, `${lines.join('\n')}\n`);
}
