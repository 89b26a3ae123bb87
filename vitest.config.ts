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
    // pack-once-setup.ts: the CLI's loader reads the packs compiled below; a file that compiles content/ again fails.
    setupFiles: ['tests/setup.ts', 'tests/support/breakage.ts', 'tests/support/pack-once-setup.ts'],
    // Compiles the bundled packs once for the whole run (tests/support/bundled.ts hands them out).
    globalSetup: ['tests/support/bundled-setup.ts'],
    testTimeout: 30_000,
    // CSS imports are empty strings in tests unless listed: the marks' colours are read from their file.
    css: { include: [/lib\/scan\/marks\.css/] },
    // Files share one module graph per worker instead of importing everything again for each
    // file (import was 42 of the suite's 107 s). Tests that mock a module reset the graph first
    // (vi.resetModules). Checked with `npx vitest run --sequence.shuffle.files`.
    isolate: false,
  },
});
