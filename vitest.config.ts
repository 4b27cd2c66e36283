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
          pool: 'forks',
          // Each file runs its own api and Chromium: one at a time keeps a 2-core machine usable.
          poolOptions: { forks: { singleFork: true } },
          globalSetup: ['./test/setup/global-setup.ts', './test/web/support/build-web.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
