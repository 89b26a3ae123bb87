/**
 * The "always explain pages here" sites go through the one versioned reader like settings and
 * history: a list stored by the build before (`{ v: 1, sites }`) is read whole; damaged sites are
 * dropped, the rest kept and the reader told; the last site removed leaves no key and no
 * "disappeared" notice; an unreadable store is never written over.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readAlwaysSites, updateAlwaysSites } from '../../../lib/scan/always-here-store';
import { KEYS } from '../../../lib/storage/keys';
import { freshStorage } from './fresh-storage';

const repairs = freshStorage();
const stored = async () => (await fakeBrowser.storage.local.get(KEYS.alwaysExplainSites))[KEYS.alwaysExplainSites];

describe('always-explain sites', () => {
  it('are stored as { v: 1, data }; a list in the earlier { v: 1, sites } shape is read whole and rewritten at the next change', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.alwaysExplainSites]: { v: 1, sites: ['a.test', 'b.test'] } });
    expect(await readAlwaysSites()).toEqual(['a.test', 'b.test']);
    expect(repairs).toEqual([]);
    await updateAlwaysSites((s) => [...s, 'c.test']);
    expect(await stored()).toEqual({ v: 1, data: ['a.test', 'b.test', 'c.test'] });
  });

  it('a damaged site is dropped, the others kept, the reader told, and the clean list written back', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.alwaysExplainSites]: { v: 1, data: ['a.test', 42, 'not a site', 'b.test'] } });
    expect(await readAlwaysSites()).toEqual(['a.test', 'b.test']);
    expect(repairs.map((r) => [r.key, r.reason])).toEqual([[KEYS.alwaysExplainSites, 'invalid-fields']]);
    expect(repairs[0]!.message).toMatch(/^The sites where pages are explained as they load had damaged entries/);
    expect(await stored()).toEqual({ v: 1, data: ['a.test', 'b.test'] });
  });

  it('a value that is no list at all reads as no sites, reported; other keys are untouched', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.alwaysExplainSites]: 'garbage', [KEYS.history]: { v: 1, data: [] } });
    expect(await readAlwaysSites()).toEqual([]);
    expect(repairs.map((r) => r.reason)).toEqual(['corrupted']);
    expect((await fakeBrowser.storage.local.get(KEYS.history))[KEYS.history]).toEqual({ v: 1, data: [] });
  });

  it('the last site removed takes the key with it, and the next read is a fresh install, not "disappeared"', async () => {
    await updateAlwaysSites(() => ['a.test']);
    await updateAlwaysSites(() => []);
    expect(await stored()).toBeUndefined();
    expect(await readAlwaysSites()).toEqual([]);
    expect(repairs).toEqual([]);
  });

  it('an unreadable store is not written over: the change fails and the sites survive', async () => {
    await updateAlwaysSites(() => ['a.test']);
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (k?: unknown) => {
      if (k === KEYS.alwaysExplainSites) throw new Error('Invalid JSON');
      return get(k as never);
    });
    await expect(updateAlwaysSites(() => [])).rejects.toThrow(/could not be read/);
    spy.mockRestore();
    expect(await readAlwaysSites()).toEqual(['a.test']);
  });
});
