/**
 * The unit suite compiles the bundled packs once per run (tests/support/bundled-setup.ts); every
 * extra compile would add ~0.85 s of YAML and schema work. The count is taken where content/ is
 * read (scripts/lib/content-loader.ts counts its reads), so any path to a compile is seen: a test
 * file's own import, a CLI command run in-process, a helper. tests/support/pack-once-setup.ts
 * fails every file that reads content/; these tests check that the count is real.
 */
import { rmSync } from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { loadBundledPacks } from '../../scripts/lib/bundled-packs';
import { contentReads, loadAllPackSources } from '../../scripts/lib/content-loader';
import { command as lookup } from '../../scripts/commands/lookup';
import { bundledPacks } from '../support/bundled';
import { miniContent } from '../support/mini-content';

afterEach(() => vi.restoreAllMocks());

it('the count sees every read of a content folder, through the loader or around it', () => {
  const { dir } = miniContent();
  try {
    expect(contentReads(dir)).toBe(0);
    loadBundledPacks(dir);
    loadAllPackSources(`${dir}/`);
    expect(contentReads(dir)).toBe(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("the CLI's loader hands out the run's compiled packs: a lookup run in-process reads no content/", async () => {
  const before = contentReads();
  expect(loadBundledPacks().map((p) => p.entries.length)).toEqual(bundledPacks().map((p) => p.entries.length));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await lookup.run(['ICE hold'])).toBe(0);
  expect(contentReads()).toBe(before);
});
