import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC instead of esbuild: NestJS dependency injection needs emitted decorator metadata.
const shared = {
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, keepClassNames: true } })],
  resolve: { alias: { src: resolve(__dirname, 'src') } },
};

export default defineConfig({
  ...shared,
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    projects: [
      {
        ...shared,
        test: { name: 'unit', globals: true, include: ['src/**/*.spec.ts', 'migrations/**/*.spec.ts', 'web/src/**/*.spec.ts'], environment: 'node' },
      },
      {
        ...shared,
        test: {
          name: 'e2e',
          globals: true,
          include: ['test/**/*.e2e-spec.ts'],
          environment: 'node',
          pool: 'forks',
          // One fork runs the e2e files one after another (each has a database and queue prefix of
          // its own) while a thread runs the browser journeys beside it; see the web project. The
          // fork keeps the modules it has loaded from one file to the next (no file mocks a module
          // or changes process.env): importing the api's module graph and building its lazy caches
          // (the redaction dictionaries, the password-strength estimator) then happens once, not
          // once per file.
          poolOptions: { forks: { singleFork: true, isolate: false } },
          globalSetup: ['./test/setup/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          // Browser journeys: Debian's Chromium driven by playwright-core against the real api
          // serving web/dist (rebuilt first when older than web/; see test/web/support/).
          name: 'web',
          globals: true,
          include: ['test/web/**/*.web-spec.ts'],
          environment: 'node',
          // Each file runs its own api and Chromium, one file at a time, in one worker thread that
          // keeps the modules it has loaded (as the e2e fork does). A thread, not a fork: Vitest runs
          // each pool's files beside the other pools', but the forks pool runs its single-fork
          // projects one after another, so in a fork the journeys would wait for every e2e file.
          // Two lanes (e2e, web) for 2 cores.
          pool: 'threads',
          poolOptions: { threads: { singleThread: true, isolate: false } },
          globalSetup: ['./test/setup/global-setup.ts', './test/web/support/build-web.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
