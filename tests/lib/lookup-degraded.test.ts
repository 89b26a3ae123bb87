/**
 * The lookup service is the one safety net for an engine failure: the reader gets an empty
 * answer marked `degraded` (and a console warning), never an exception in the card. The engine
 * is made to fail on purpose here; the engine itself never catches its own errors
 * (tests/core/engine-errors.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { bundledPacks } from '../support/bundled';

vi.mock('../../core/search/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../core/search/index')>();
  return {
    ...real,
    lookup: (...args: Parameters<typeof real.lookup>) => {
      if (args[1] === 'break the engine') throw new Error('ranking bug');
      return real.lookup(...args);
    },
  };
});

// The unit suite shares modules between files (isolate: false): drop the copies another file
// imported without the mock, so this import sees the failing engine.
vi.resetModules();
const { createLookupService } = await import('../../lib/lookup-service');

describe('an engine failure reaches the reader as a marked, empty answer', () => {
  const service = createLookupService(bundledPacks());

  it('marks the answer degraded and warns', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const view = service.lookup('break the engine', { citationStyle: 'short' });
    expect(view.degraded).toBe(true);
    expect(view.result.results).toEqual([]);
    expect(warn).toHaveBeenCalledWith('[Ordinance Lens] lookup failed:', expect.any(Error));
    warn.mockRestore();
  });

  it('answers normally otherwise, without the mark', () => {
    const view = service.lookup('ICE detainer', { citationStyle: 'short' });
    expect(view.degraded).toBeUndefined();
    expect(view.result.results.length).toBeGreaterThan(0);
  });
});
