/**
 * Setup file of the unit suite. content/ is compiled once per run, by the globalSetup
 * (tests/support/bundled-setup.ts, ~0.85 s of YAML and schema work). Here the CLI's loader is
 * handed those packs, so the commands that tests run in-process do not compile them again; and a
 * test file that reads content/ anyway, by any path (the loader counts its reads), fails.
 */
import { afterAll, expect } from 'vitest';
import { useCompiledPacks } from '../../scripts/lib/bundled-packs';
import { contentReads } from '../../scripts/lib/content-loader';
import { bundledPacks } from './bundled';

useCompiledPacks(bundledPacks);

// Taken before the test file is imported: a file that compiles at its top level is counted too.
const before = contentReads();
afterAll(() => {
  expect(contentReads() - before, 'this test file read content/ itself: take the packs from tests/support/bundled.ts, compiled once per run').toBe(0);
});
