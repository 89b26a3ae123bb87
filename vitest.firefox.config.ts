import { defineConfig } from 'vitest/config';

// Firefox, for real (tests/firefox): Debian firefox-esr + puppeteer-core over WebDriver BiDi on
// the production Firefox builds (`npm run build` makes them). One file at a time.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.ff.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
