import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readSettings, writeSettings, DEFAULT_SETTINGS, REPAIRED_SETTINGS, watchSettings } from '../../../lib/storage/settings';
import { addHistory, readHistory } from '../../../lib/storage/history';
import { onStorageRepaired, readRepairNotices, dismissRepairNotices, type RepairNotice } from '../../../lib/storage/repair';
import { corruptedSettings, settingsMigrations } from './fixtures';

const OTHER = { history: { v: 1, data: [{ query: 'kept', at: 1 }] }, somethingElse: { a: 1 } };

let repairs: RepairNotice[];
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  repairs = [];
  const stop = onStorageRepaired((n) => repairs.push(n));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => {
    stop();
    warn.mockRestore();
  };
});

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

describe('readSettings', () => {
  it('returns the defaults on a fresh install, without reporting anything', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(repairs).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  describe.each(settingsMigrations)('migrates on read: $name', ({ before, after }) => {
    it('returns the migrated values', async () => {
      await fakeBrowser.storage.local.set({ settings: before, ...OTHER });
      expect(await readSettings()).toEqual(after);
      expect(await stored('history')).toEqual(OTHER.history);
      expect(await stored('somethingElse')).toEqual(OTHER.somethingElse);
    });
  });

  it('migrates a clean v1 value without reporting a repair', async () => {
    await fakeBrowser.storage.local.set({ settings: settingsMigrations[0]!.before });
    await readSettings();
    expect(repairs).toEqual([]);
  });

  it('keeps the migrated values once a write stores them as v2', async () => {
    await fakeBrowser.storage.local.set({ settings: settingsMigrations[0]!.before });
    expect(await writeSettings({ historyEnabled: false })).toEqual({ ok: true });
    expect(await stored('settings')).toEqual({ v: 2, data: { ...settingsMigrations[0]!.after, historyEnabled: false } });
  });

  describe.each(corruptedSettings)('a corrupted value ($name)', ({ value }) => {
    it('reads as defaults with history off, is reported, is replaced, and leaves other keys alone', async () => {
      await writeSettings({ cardEnabled: false });
      // (The fake browser, like a damaged store, treats null as "no value": then it has vanished.)
      await fakeBrowser.storage.local.set({ settings: value, ...OTHER });
      expect(await readSettings()).toEqual(REPAIRED_SETTINGS);
      expect(repairs).toHaveLength(1);
      expect(repairs[0]!.key).toBe('settings');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(await readRepairNotices()).toHaveLength(1);
      expect(await stored('settings')).toEqual({ v: 2, data: REPAIRED_SETTINGS });
      expect(await stored('history')).toEqual(OTHER.history);
      expect(await stored('somethingElse')).toEqual(OTHER.somethingElse);
      // Repaired once: the next read is clean.
      expect(await readSettings()).toEqual(REPAIRED_SETTINGS);
      expect(repairs).toHaveLength(1);
    });
  });

  it('resets only the damaged field and says so', async () => {
    await fakeBrowser.storage.local.set({ settings: { v: 2, data: { cardEnabled: false, disabledSites: [3], citationStyle: 'memo', historyEnabled: false } } });
    expect(await readSettings()).toEqual({ cardEnabled: false, disabledSites: [], citationStyle: 'memo', historyEnabled: false });
    expect(repairs.map((r) => r.reason)).toEqual(['invalid-fields']);
  });

  it('notices a settings value that vanished after it was written, and reports it', async () => {
    await writeSettings({ cardEnabled: false });
    await fakeBrowser.storage.local.set({ history: OTHER.history });
    await fakeBrowser.storage.local.remove('settings');
    expect(await readSettings()).toEqual(REPAIRED_SETTINGS);
    expect(repairs.map((r) => r.reason)).toEqual(['vanished']);
    expect(await stored('history')).toEqual(OTHER.history);
  });

  it('survives a store the browser cannot read (Chromium rejects get with "Invalid JSON")', async () => {
    await fakeBrowser.storage.local.set({ settings: { v: 2, data: { ...DEFAULT_SETTINGS, cardEnabled: false } } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('Invalid JSON'));
    expect(await readSettings()).toEqual(REPAIRED_SETTINGS);
    expect(repairs.map((r) => r.reason)).toEqual(['unreadable']);
    get.mockRestore();
    // Nothing was written over the unreadable value: it comes back when the store does.
    expect((await readSettings()).cardEnabled).toBe(false);
  });

  it('reads what it understands of a value from a newer build and does not overwrite it', async () => {
    const newer = { v: 9, data: { cardEnabled: false, disabledSites: ['a.test'], citationStyle: 'future', historyEnabled: true, extra: 1 } };
    await fakeBrowser.storage.local.set({ settings: newer });
    expect(await readSettings()).toEqual({ cardEnabled: false, disabledSites: ['a.test'], citationStyle: 'short', historyEnabled: true });
    expect(repairs.map((r) => r.reason)).toEqual(['newer-version']);
    expect(await stored('settings')).toEqual(newer);
  });

  describe('"Keep lookup history: off" fails closed', () => {
    const damaged: [string, unknown][] = [
      ['history setting damaged', { v: 2, data: { cardEnabled: true, disabledSites: [], citationStyle: 'short', historyEnabled: 'off' } }],
      ['history setting missing', { v: 2, data: { cardEnabled: true, disabledSites: [], citationStyle: 'short' } }],
      ['whole value damaged', 'garbage'],
      ['every field damaged', { v: 2, data: { cardEnabled: 'x', disabledSites: 1, citationStyle: 2, historyEnabled: 3 } }],
      ['from a newer build without the field', { v: 7, data: { cardEnabled: true } }],
    ];
    it.each(damaged)('%s: history reads as off, no lookup is recorded, and the notice says so', async (_n, value) => {
      await writeSettings({ historyEnabled: false });
      await fakeBrowser.storage.local.set({ settings: value });
      expect((await readSettings()).historyEnabled).toBe(false);
      expect(await addHistory({ query: 'sanctuary', at: 1 })).toEqual({ ok: true });
      expect(await readHistory()).toEqual([]);
      expect((await readRepairNotices()).at(-1)?.message).toMatch(/history is off until you turn it back on/);
    });
    it('unreadable store: history off, nothing recorded', async () => {
      await writeSettings({ historyEnabled: false });
      vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('Invalid JSON'));
      expect((await readSettings()).historyEnabled).toBe(false);
    });
    it('vanished: history off', async () => {
      await writeSettings({ historyEnabled: false });
      await fakeBrowser.storage.local.remove('settings');
      await addHistory({ query: 'sanctuary', at: 1 });
      expect(await readHistory()).toEqual([]);
    });
    it('a fresh install keeps history on (the default)', async () => {
      expect((await readSettings()).historyEnabled).toBe(true);
    });
  });

  it('lets the reader dismiss repair notices', async () => {
    await fakeBrowser.storage.local.set({ settings: 42 });
    await readSettings();
    expect(await readRepairNotices()).toHaveLength(1);
    await dismissRepairNotices();
    expect(await readRepairNotices()).toEqual([]);
  });
});

describe('writeSettings', () => {
  it('merges a patch and stores a v2 envelope', async () => {
    expect(await writeSettings({ citationStyle: 'markdown', disabledSites: [' Example.COM ', 'example.com'] })).toEqual({ ok: true });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, citationStyle: 'markdown', disabledSites: ['example.com'] });
    expect(await stored('settings')).toMatchObject({ v: 2 });
  });

  it.each([
    [{ citationStyle: 'bluebook' }, /Citation style/],
    [{ cardEnabled: 'yes' }, /Show the card/],
    [{ disabledSites: ['has space.com'] }, /spaces/],
    [{ disabledSites: Array.from({ length: 1001 }, (_, i) => `s${i}.test`) }, /at most 1000/],
    [{ colour: 'red' }, /Unknown setting "colour"/],
  ])('rejects an invalid patch %j with a plain message and keeps the old value', async (patch, message) => {
    await writeSettings({ citationStyle: 'plain' });
    const result = await writeSettings(patch as never);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(!result.ok && result.message).toMatch(/^Not saved: /);
    expect((await readSettings()).citationStyle).toBe('plain');
  });

  it('fails over quota with a plain message and keeps what was there', async () => {
    await writeSettings({ citationStyle: 'memo' });
    const before = await stored('settings');
    // Chromium rejects the whole set call and keeps earlier data.
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await writeSettings({ citationStyle: 'plain', cardEnabled: false });
    set.mockRestore();
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/storage for Ordinance Lens is full.*unchanged/) });
    expect(!result.ok && result.message).not.toMatch(/QUOTA_BYTES/);
    expect(await stored('settings')).toEqual(before);
    expect((await readSettings()).citationStyle).toBe('memo');
  });

  it('does not lose either of two quick writes', async () => {
    await Promise.all([writeSettings({ cardEnabled: false }), writeSettings({ citationStyle: 'plain' })]);
    expect(await readSettings()).toMatchObject({ cardEnabled: false, citationStyle: 'plain' });
  });

  it('tells watchers about changes', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await writeSettings({ cardEnabled: false });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith(expect.objectContaining({ cardEnabled: false })));
    stop();
  });
});
