import { defineConfig } from 'vitest/config';

// Tests over whole real corpora from ../shared/corpora (the D.C. Code: 21,171 files converted,
// validated and searched). Minutes on a busy machine, so apart from the unit suite; `npm test`
// runs them after it (scripts/test-all.sh).
export default defineConfig({
  test: {
    include: ['tests/**/*.corpus.ts'],
    globalSetup: ['tests/support/bundled-setup.ts'],
    testTimeout: 240_000,
  },
});
