import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Trust tests (SECURITY.md): built-extension checks and real-browser tests, one file at a time.
// `npm run test:trust` builds every target first, then prints the summary (scripts/trust-summary.ts).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/trust/**/*.trust.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    globalSetup: ['tests/trust/lib/global-setup.ts'],
    // Off unless LENS_BREAK is set (the check that the property tests can fail).
    setupFiles: ['tests/support/breakage.ts'],
    environment: 'node',
  },
});
