import { defineConfig } from 'vitest/config';

// Real-browser tests on the built extension (`npm run test:e2e` builds it first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
