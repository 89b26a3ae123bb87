import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { exportUserData, importUserData } from '../../../lib/storage/backup';
import { addHistory, readHistory } from '../../../lib/storage/history';
import { readSettings, writeSettings, DEFAULT_SETTINGS } from '../../../lib/storage/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

async function seed() {
  await writeSettings({ cardEnabled: false, disabledSites: ['news.test'], citationStyle: 'markdown', historyEnabled: true });
  await addHistory({ query: 'sanctuary ordinance', at: 1000, topId: 'sec-19-30', topTitle: '§ 19.30' });
  await addHistory({ query: 'detainer', at: 2000 });
}

describe('backup', () => {
  it('round-trips settings and history through export and import', async () => {
    await seed();
    const json = await exportUserData();
    const settings = await readSettings();
    const history = await readHistory();
    expect(JSON.parse(json)).toMatchObject({ format: 'ordinance-lens-backup', formatVersion: 1, settingsVersion: 2, historyVersion: 1 });

    fakeBrowser.reset();
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await importUserData(json)).toEqual({ ok: true });
    expect(await readSettings()).toEqual(settings);
    expect(await readHistory()).toEqual(history);
  });

  it('migrates settings from an older backup', async () => {
    const old = { format: 'ordinance-lens-backup', formatVersion: 1, settingsVersion: 1, settings: { enabled: false, blockedSites: 'a.test', style: 'long' }, historyVersion: 1, history: [] };
    expect(await importUserData(JSON.stringify(old))).toEqual({ ok: true });
    expect(await readSettings()).toEqual({ cardEnabled: false, disabledSites: ['a.test'], citationStyle: 'memo', historyEnabled: true });
  });

  const valid = () => ({ format: 'ordinance-lens-backup', formatVersion: 1, settingsVersion: 2, settings: { ...DEFAULT_SETTINGS, citationStyle: 'plain' }, historyVersion: 1, history: [{ query: 'new', at: 5 }] });

  it.each([
    ['not JSON', 'not json {', /not valid JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /not an Ordinance Lens backup/],
    ['a newer format', JSON.stringify({ ...valid(), formatVersion: 2 }), /newer version/],
    ['damaged settings', JSON.stringify({ ...valid(), settings: { ...DEFAULT_SETTINGS, citationStyle: 'x' } }), /settings in the backup are damaged/],
    ['an unknown setting', JSON.stringify({ ...valid(), settings: { ...DEFAULT_SETTINGS, extra: 1 } }), /settings in the backup are damaged/],
    ['one damaged history item', JSON.stringify({ ...valid(), history: [{ query: 'ok', at: 1 }, { query: 1, at: 2 }] }), /history item 1/],
    ['null', 'null', /not an Ordinance Lens backup/],
  ])('rejects %s and changes nothing', async (_name, json, message) => {
    await seed();
    const before = await fakeBrowser.storage.local.get(null);
    const result = await importUserData(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('is all or nothing when the browser refuses the write', async () => {
    await seed();
    const before = await fakeBrowser.storage.local.get(null);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await importUserData(JSON.stringify(valid()));
    set.mockRestore();
    expect(result.ok).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('writes settings and history in a single storage call', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await importUserData(JSON.stringify(valid()));
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object).sort()).toEqual(['history', 'settings', 'storageMeta']);
  });
});
