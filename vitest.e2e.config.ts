import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Browser tests of the console (`npm run test:e2e` builds admin/dist first): Debian's chromium driven by
// playwright-core against the app on an ephemeral port and its own database.
export default defineConfig({
  plugins: [
    // esbuild emits no decorator metadata; type-graphql and MikroORM need it (ARCHITECTURE.md)
    swc.vite({
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  resolve: {
    // one copy of graphql, or schemas come "from another realm"
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // one browser at a time on a 2-core machine
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
