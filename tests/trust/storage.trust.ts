/**
 * Promise 7, storage survives: every way stored data can go wrong, run against lib/storage with
 * WXT's in-memory browser. A case is "recovered" when the call did not throw, returned usable
 * data, reported the damage (when there was damage) and left every other key as it was; it is
 * "lost" when a valid value that the case did not damage changed or disappeared.
 * (Chromium's own behaviour behind these simulations: quota rejection is whole and earlier data
 * stays; a damaged LevelDB makes get() reject with "Invalid JSON"; see extension-reliability.md.)
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { exportUserData, importUserData } from '../../lib/storage/backup';
import { addHistory, clearHistory, readHistory } from '../../lib/storage/history';
import { DEFAULT_SETTINGS, REPAIRED_SETTINGS, readSettings, writeSettings, type Settings } from '../../lib/storage/settings';
import { corruptedHistory, corruptedSettings, settingsMigrations } from '../lib/storage/fixtures';
import { recordFigures } from './lib/figures';
import { freshStorage } from '../lib/storage/fresh-storage';

const counts = { cases: 0, recovered: 0, lost: 0, migrated: 0, failedCases: [] as string[] };

const SEED_SETTINGS: Settings = { cardEnabled: false, disabledSites: ['news.test'], citationStyle: 'memo', historyEnabled: true };
const UNRELATED = { 'other-extension-data': { keep: [1, 2, 3] } };

async function seed() {
  await writeSettings(SEED_SETTINGS);
  await addHistory({ query: 'sanctuary', at: 1 });
  await addHistory({ query: 'detainer', at: 2, topId: 'x', topTitle: 'X' });
  await fakeBrowser.storage.local.set(UNRELATED);
}
const all = async () => structuredClone(await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;

const repairs = freshStorage();

interface Case {
  name: string;
  /** Damages storage; returns the keys it damaged (the others must stay as they were). */
  damage: () => Promise<string[]>;
  /** The call under test; returns true when its result is usable and correct. */
  act: () => Promise<boolean>;
  /** Whether a repair must be reported. */
  reported: boolean;
}

const quota = () => vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
const unreadable = () => vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('Invalid JSON'));
const failedPlainly = (r: { ok: boolean; message?: string }) => !r.ok && typeof r.message === 'string' && /^Not (saved|imported): /.test(r.message);

const cases: Case[] = [
  ...corruptedSettings.map((c): Case => ({
    name: `settings corrupted: ${c.name}`,
    damage: async () => (await fakeBrowser.storage.local.set({ settings: c.value }), ['settings', 'storageRepairs']),
    act: async () => JSON.stringify(await readSettings()) === JSON.stringify(REPAIRED_SETTINGS), // history off: fails closed
    reported: true,
  })),
  ...corruptedHistory.map((c): Case => ({
    name: `history corrupted: ${c.name}`,
    damage: async () => (await fakeBrowser.storage.local.set({ history: c.value }), ['history', 'storageRepairs']),
    act: async () => (await readHistory()).length === c.keeps,
    reported: true,
  })),
  {
    name: 'settings vanished',
    damage: async () => (await fakeBrowser.storage.local.remove('settings'), ['settings', 'storageRepairs']),
    act: async () => JSON.stringify(await readSettings()) === JSON.stringify(REPAIRED_SETTINGS), // history off: fails closed
    reported: true,
  },
  {
    name: 'history vanished',
    damage: async () => (await fakeBrowser.storage.local.remove('history'), ['history', 'storageRepairs']),
    act: async () => (await readHistory()).length === 0,
    reported: true,
  },
  {
    name: 'store unreadable while reading settings',
    damage: async () => (unreadable(), ['storageRepairs']),
    act: async () => JSON.stringify(await readSettings()) === JSON.stringify(REPAIRED_SETTINGS), // history off: fails closed
    reported: true,
  },
  {
    name: 'store unreadable while reading history',
    damage: async () => (unreadable(), ['storageRepairs']),
    act: async () => (await readHistory()).length === 0,
    reported: true,
  },
  {
    name: 'settings from a newer build',
    damage: async () => (await fakeBrowser.storage.local.set({ settings: { v: 99, data: { ...SEED_SETTINGS, citationStyle: 'new-style' } } }), ['settings', 'storageRepairs']),
    act: async () => JSON.stringify(await readSettings()) === JSON.stringify({ ...SEED_SETTINGS, citationStyle: 'short' }),
    reported: true,
  },
  { name: 'settings write over quota', damage: async () => (quota(), []), act: async () => failedPlainly(await writeSettings({ citationStyle: 'plain' })), reported: false },
  { name: 'history add over quota', damage: async () => (quota(), []), act: async () => failedPlainly(await addHistory({ query: 'new', at: 3 })), reported: false },
  { name: 'history clear over quota', damage: async () => (quota(), []), act: async () => failedPlainly(await clearHistory()), reported: false },
  {
    name: 'import over quota',
    damage: async () => [],
    act: async () => {
      const json = await exportUserData();
      quota();
      return failedPlainly(await importUserData(json));
    },
    reported: false,
  },
  ...['not json', '{"format":"ordinance-lens-backup","formatVersion":1}', JSON.stringify({ format: 'ordinance-lens-backup', formatVersion: 1, settingsVersion: 2, settings: DEFAULT_SETTINGS, historyVersion: 1, history: [{ query: 'ok', at: 1 }, { at: 'bad' }] })].map(
    (json, i): Case => ({ name: `invalid backup #${i + 1} is refused whole`, damage: async () => [], act: async () => failedPlainly(await importUserData(json)), reported: false }),
  ),
];

describe('storage cases', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: recovered, nothing else lost', async (_name, c) => {
    counts.cases++;
    await seed();
    const before = await all();
    const damaged = await c.damage();
    let ok = false;
    let threw = false;
    try {
      ok = await c.act();
    } catch {
      threw = true;
    }
    vi.restoreAllMocks();
    const after = await all();
    const lostKeys = Object.keys(before).filter((k) => !damaged.includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    const reportedOk = !c.reported || repairs.length > 0;
    if (lostKeys.length) counts.lost++;
    if (ok && !threw && reportedOk && !lostKeys.length) counts.recovered++;
    else counts.failedCases.push(c.name);
    expect(threw, 'threw').toBe(false);
    expect(ok, 'usable result').toBe(true);
    expect(reportedOk, 'repair reported').toBe(true);
    expect(lostKeys, 'other keys changed').toEqual([]);
  });

  it.each(settingsMigrations.map((m) => [m.name, m] as const))('migrates on read: %s', async (_name, m) => {
    await fakeBrowser.storage.local.set({ settings: m.before, ...UNRELATED });
    expect(await readSettings()).toEqual(m.after);
    expect((await fakeBrowser.storage.local.get('other-extension-data'))['other-extension-data']).toEqual(UNRELATED['other-extension-data']);
    counts.migrated++;
  });

  it('export then import restores everything', async () => {
    await seed();
    const json = await exportUserData();
    const settings = await readSettings();
    const history = await readHistory();
    fakeBrowser.reset();
    expect(await importUserData(json)).toEqual({ ok: true });
    expect(await readSettings()).toEqual(settings);
    expect(await readHistory()).toEqual(history);
    counts.migrated += 0;
  });
});

afterAll(() => recordFigures('storage', counts));
