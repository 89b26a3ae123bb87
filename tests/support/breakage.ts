/**
 * Deliberate breakages, to check that the tests which promise "never an exception" can fail.
 * Off unless the environment asks for one; a setup file of the unit and trust configs:
 *
 *   LENS_BREAK=engine          the engine's lookup() throws on every query;
 *   LENS_BREAK=entry-handler   the background's `entry` handler throws.
 *
 * `bash scripts/check-breakage.sh` runs the property tests under each and fails unless they go red.
 */
import { vi } from 'vitest';

const mode = process.env.LENS_BREAK;

if (mode === 'engine') {
  vi.doMock('../../core/search/engine', async (importOriginal) => ({
    ...(await importOriginal<typeof import('../../core/search/engine')>()),
    lookup: () => {
      throw new Error('LENS_BREAK=engine: the engine throws on every query');
    },
  }));
} else if (mode === 'entry-handler') {
  vi.doMock('../../lib/lookup-service', async (importOriginal) => {
    const real = await importOriginal<typeof import('../../lib/lookup-service')>();
    return {
      ...real,
      createLookupService: (...args: Parameters<typeof real.createLookupService>) => ({
        ...real.createLookupService(...args),
        entryView: () => {
          throw new Error('LENS_BREAK=entry-handler: the entry handler throws');
        },
      }),
    };
  });
} else if (mode) {
  throw new Error(`LENS_BREAK=${mode}: expected "engine" or "entry-handler"`);
}
