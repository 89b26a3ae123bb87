/**
 * A store the browser cannot read just now (Chromium rejects get with "Invalid JSON") is never
 * replaced by the next write: the write is refused in plain words, and what was stored is still
 * there when the store reads again.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readSettings, writeSettings } from '../../../lib/storage/settings';
import { addHistory, readHistory } from '../../../lib/storage/history';
import { freshStorage } from './fresh-storage';

freshStorage();

/** storage.local.get rejects for `key` (as a damaged store does), once per call while active. */
function unreadable(key: string) {
  const original = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  return vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (k?: unknown) => {
    if (k === key) throw new Error('Invalid JSON');
    return original(k as never);
  });
}

describe('an unreadable store at the next write', () => {
  it('settings: the write is refused and the stored settings survive', async () => {
    await writeSettings({ cardEnabled: false, citationStyle: 'memo', disabledSites: ['a.test'] });
    const spy = unreadable('settings');
    const r = await writeSettings({ citationStyle: 'plain' });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Not saved: the browser could not read/) });
    spy.mockRestore();
    expect(await readSettings()).toMatchObject({ cardEnabled: false, citationStyle: 'memo', disabledSites: ['a.test'] });
  });

  it('history: a lookup is not recorded over it, and the old history survives', async () => {
    await addHistory({ query: 'first', at: 1 });
    await addHistory({ query: 'second', at: 2 });
    const spy = unreadable('history');
    expect((await addHistory({ query: 'third', at: 3 })).ok).toBe(false);
    spy.mockRestore();
    expect((await readHistory()).map((h) => h.query)).toEqual(['second', 'first']);
  });
});
