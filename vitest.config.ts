import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests. Real-browser tests have their own configs (vitest.e2e.config.ts,
// vitest.trust.config.ts) because they need a built extension and run one file at a time.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/trust/**', 'node_modules/**'],
    // breakage.ts: off unless LENS_BREAK is set (the check that the property tests can fail).
    setupFiles: ['tests/setup.ts', 'tests/support/breakage.ts'],
    testTimeout: 30_000,
  },
});
