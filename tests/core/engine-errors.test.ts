/**
 * The engine does not hide its own failures: a broken index makes lookup() throw (a ranking bug
 * fails tests instead of answering "nothing in this pack covers this"), and the lookup service
 * (lib/) is the one safety net, which marks its stand-in answer `degraded`.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, lookup } from '../../core/search/index';
import { bundledEntries } from '../support/bundled';

const entries = bundledEntries();

describe('engine failures are visible', () => {
  it('throws when the index is broken, instead of answering nothing', () => {
    const index = buildIndex(entries);
    (index as { postStart: unknown }).postStart = undefined;
    expect(() => lookup(index, 'ICE detainer')).toThrow();
  });

  it('answers normally on a sound index', () => {
    const index = buildIndex(entries);
    expect(lookup(index, 'ICE detainer').results.length).toBeGreaterThan(0);
  });
});
