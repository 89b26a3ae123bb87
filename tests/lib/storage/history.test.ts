import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addHistory, clearHistory, readHistory, MAX_HISTORY, MAX_HISTORY_QUERY_CHARS } from '../../../lib/storage/history';
import { writeSettings } from '../../../lib/storage/settings';
import { corruptedHistory } from './fixtures';
import { freshStorage } from './fresh-storage';

const repairs = freshStorage();

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('history', () => {
  it('is empty at first', async () => {
    expect(await readHistory()).toEqual([]);
  });

  it('keeps lookups newest first, with their top result', async () => {
    await addHistory({ query: 'first', at: 1 });
    await addHistory({ query: 'second', at: 2, topId: 'sec-19-30', topTitle: '§ 19.30' });
    expect(await readHistory()).toEqual([
      { query: 'second', at: 2, topId: 'sec-19-30', topTitle: '§ 19.30' },
      { query: 'first', at: 1 },
    ]);
  });

  it('replaces a repeat of the newest query instead of stacking it', async () => {
    await addHistory({ query: 'same', at: 1 });
    await addHistory({ query: 'same', at: 2 });
    expect(await readHistory()).toEqual([{ query: 'same', at: 2 }]);
  });

  it(`is bounded to ${MAX_HISTORY} items and ${MAX_HISTORY_QUERY_CHARS}-character queries`, async () => {
    for (let i = 0; i < MAX_HISTORY + 20; i++) await addHistory({ query: `q${i}`, at: i });
    const items = await readHistory();
    expect(items).toHaveLength(MAX_HISTORY);
    expect(items[0]!.query).toBe(`q${MAX_HISTORY + 19}`);
    await addHistory({ query: 'x'.repeat(10_000), at: 10_000 });
    expect((await readHistory())[0]!.query).toHaveLength(MAX_HISTORY_QUERY_CHARS);
  });

  it('never cuts a surrogate pair in half', async () => {
    await addHistory({ query: 'a' + '😀'.repeat(400), at: 1 });
    const q = (await readHistory())[0]!.query;
    expect(q.length).toBeLessThanOrEqual(MAX_HISTORY_QUERY_CHARS);
    expect(q.isWellFormed()).toBe(true);
  });

  it('stores nothing when history is turned off, or for an empty query', async () => {
    await addHistory({ query: '   ', at: 1 });
    await writeSettings({ historyEnabled: false });
    await addHistory({ query: 'secret', at: 2 });
    expect(await readHistory()).toEqual([]);
  });

  it('clears', async () => {
    await addHistory({ query: 'a', at: 1 });
    expect(await clearHistory()).toEqual({ ok: true });
    expect(await readHistory()).toEqual([]);
  });

  it('fails over quota with a plain message and keeps the old list', async () => {
    await addHistory({ query: 'kept', at: 1 });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
    const result = await addHistory({ query: 'lost', at: 2 });
    set.mockRestore();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/full/);
    expect(await readHistory()).toEqual([{ query: 'kept', at: 1 }]);
  });

  describe.each(corruptedHistory)('a corrupted history ($name)', ({ value, keeps }) => {
    it('keeps the valid items, is reported, and leaves settings alone', async () => {
      await writeSettings({ citationStyle: 'memo' });
      await addHistory({ query: 'to be damaged', at: 0 });
      const settingsBefore = await stored('settings');
      await fakeBrowser.storage.local.set({ history: value });
      const items = await readHistory();
      expect(items).toHaveLength(keeps);
      expect(repairs.map((r) => r.key)).toEqual(['history']);
      expect(await stored('settings')).toEqual(settingsBefore);
      expect(await readHistory()).toEqual(items);
      expect(repairs).toHaveLength(1);
    });
  });

  it('notices a history that vanished after it was written', async () => {
    await addHistory({ query: 'a', at: 1 });
    await fakeBrowser.storage.local.remove('history');
    expect(await readHistory()).toEqual([]);
    expect(repairs.map((r) => r.reason)).toEqual(['vanished']);
  });
});

describe('history at full storage', () => {
  it('is not dropped silently: the reader gets a notice', async () => {
    const { readRepairNotices } = await import('../../../lib/storage/repair');
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // Full for history (the big list); the small notice still fits, as in a nearly full store.
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (v: Record<string, unknown>) => {
      if ('history' in v) throw new Error('QUOTA_BYTES quota exceeded');
      return original(v);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = await addHistory({ query: 'sanctuary', at: 1 });
    expect(r.ok).toBe(false);
    set.mockRestore();
    warn.mockRestore();
    expect((await readRepairNotices()).map((n) => n.message)).toContainEqual(expect.stringMatching(/lookup history could not be saved: the browser's storage for Ordinance Lens is full/));
  });
});
