/**
 * Promise 7 in a real browser: stored data that is corrupt, from a newer version, or that cannot
 * be written because the browser's storage is full (settings), and history and imported packs that
 * are damaged in whole or in part, on the built extension in Chromium (its real
 * `chrome.storage.local`, its real 10 MiB quota), as the reader meets it on the settings page.
 * tests/trust/storage.trust.ts runs every case against lib/storage in memory; this file checks
 * that the browser does what those cases assume.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLens, type Lens } from '../support/lens-browser';
import { userPack } from '../lib/storage/pack-fixture';

let lens: Lens;
let page: Page;

/** The options page's own `chrome.storage.local` (an extension page may use it directly). */
interface Local {
  set(v: Record<string, unknown>): Promise<void>;
  get(k: string): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
  getBytesInUse(k: null): Promise<number>;
}
const api = () => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
const local = {
  set: (values: Record<string, unknown>) => page.evaluate(`(${api})().set(${JSON.stringify(values)})`),
  get: (key: string) => page.evaluate(`(${api})().get(${JSON.stringify(key)}).then((got) => got[${JSON.stringify(key)}])`),
  remove: (keys: string[]) => page.evaluate(`(${api})().remove(${JSON.stringify(keys)})`),
  bytesInUse: () => page.evaluate(`(${api})().getBytesInUse(null)`) as Promise<number>,
};
/** chrome.storage.local.QUOTA_BYTES without `unlimitedStorage` (which the extension does not ask for). */
const QUOTA = 10 * 1024 * 1024;

const OTHER = { 'not-ours': { kept: [1, 2, 3] } };
const SAVED = { v: 2, data: { cardEnabled: false, disabledSites: ['news.test'], citationStyle: 'memo', historyEnabled: true } };

async function openSettings(): Promise<void> {
  await page.goto(`chrome-extension://${lens.extensionId}/options.html`);
  await page.waitForSelector('[data-ol="settings"]', { timeout: 20_000 });
}

const notices = () => page.locator('[data-ol="repairs"]').innerText();
const styleChecked = (id: string) => page.locator(`input[name="cite"][value="${id}"]`).isChecked();

beforeAll(async () => {
  lens = await launchLens();
  page = await lens.openExtensionPage('options.html');
});
afterAll(async () => lens?.close());
beforeEach(async () => {
  // One set for the seed: a clear() first would let the background read "settings missing" and
  // "written before" in between, and repair it as vanished (a race only this test creates).
  // The record of what was written goes first: removing the previous test's packs or history
  // while it still lists them would let the background (which re-reads packs when they change)
  // report them as vanished into this test's notices.
  await local.set({ storageMeta: { keys: ['settings'] } });
  await local.remove(['filler', 'storageRepairs', 'history', 'userPacks', 'storageDamageReported']);
  await local.set({ ...OTHER, settings: SAVED, storageMeta: { keys: ['settings'] } });
});

describe('stored settings in a real browser', () => {
  it('corrupt: the page says so, history recording is off, the value is repaired and nothing else changes', async () => {
    await local.set({ settings: 'half-written garbage' });
    await openSettings();
    expect(await notices()).toMatch(/Your settings could not be read and were reset to defaults\. Keep lookup history is off/);
    expect(await page.getByLabel('Keep a list of recent lookups').isChecked()).toBe(false);
    expect(await local.get('settings')).toEqual({ v: 2, data: { cardEnabled: true, disabledSites: [], citationStyle: 'short', historyEnabled: false } });
    expect(await local.get('not-ours')).toEqual(OTHER['not-ours']);
  });

  it('from a newer version: the page uses what it understands, says so, and does not write over it', async () => {
    const newer = { v: 3, data: { ...SAVED.data, citationStyle: 'plain', futureField: 'kept' } };
    await local.set({ settings: newer });
    await openSettings();
    expect(await notices()).toMatch(/saved by a newer version of Ordinance Lens/);
    expect(await styleChecked('plain')).toBe(true);
    expect(await local.get('settings')).toEqual(newer);
  });

  it('over quota: a change is refused in plain words and the saved settings stay as they were', async () => {
    await openSettings();
    expect(await styleChecked('memo')).toBe(true);
    // Fill the browser's real quota to the byte (key + JSON value), so any growth is refused.
    const room = QUOTA - (await local.bytesInUse()) - 'filler'.length - 2;
    await page.evaluate(`(${api})().set({ filler: 'x'.repeat(${room}) })`);
    expect(await local.bytesInUse()).toBe(QUOTA);
    // click(), not check(): the page puts the choice back when the save fails, which check() calls an error.
    await page.locator('input[name="cite"][value="plain"]').click();
    await expect.poll(() => page.locator('[data-ol="settings"] [role="status"]').first().innerText(), { timeout: 10_000 }).toMatch(/^Not saved: the browser's storage for Ordinance Lens is full/);
    expect(await local.get('settings')).toEqual(SAVED);
    expect(await styleChecked('memo')).toBe(true);
  });
});

/** Everything stored but `except` is as the test seeded it. */
async function restUntouched(...except: string[]): Promise<void> {
  if (!except.includes('settings')) expect(await local.get('settings')).toEqual(SAVED);
  expect(await local.get('not-ours')).toEqual(OTHER['not-ours']);
}

describe('stored history in a real browser', () => {
  it('corrupt: the page says so, the history is emptied, and nothing else changes', async () => {
    await local.set({ history: 'half-written garbage', storageMeta: { keys: ['history', 'settings'] } });
    await openSettings();
    expect(await notices()).toMatch(/Your lookup history could not be read and were reset to defaults\./);
    expect(await local.get('history')).toEqual({ v: 1, data: [] });
    await restUntouched();
  });

  it('one damaged lookup: dropped, the others kept and written back, the reader told', async () => {
    await local.set({ history: { v: 1, data: [{ query: 'ICE hold', at: 2 }, { query: 42 }, { query: 'detainer', at: 1 }] }, storageMeta: { keys: ['history', 'settings'] } });
    await openSettings();
    expect(await notices()).toMatch(/Your lookup history had damaged entries; those were reset and the rest kept\./);
    expect(await local.get('history')).toEqual({ v: 1, data: [{ query: 'ICE hold', at: 2 }, { query: 'detainer', at: 1 }] });
    await restUntouched();
  });
});

describe('stored imported packs in a real browser', () => {
  const keep = { pack: userPack({ id: 'keep', entryIds: ['keep-1'] }), importedAt: 1 };

  it('one damaged pack: kept in storage as it was, unused, said so; the good pack is still listed', async () => {
    const stored = { v: 1, data: [keep, { pack: { id: 'broken', entries: 'x' }, importedAt: 2 }] };
    await local.set({ userPacks: stored, storageMeta: { keys: ['settings', 'userPacks'] } });
    await openSettings();
    expect(await notices()).toMatch(/An imported pack is damaged in the browser's storage, so it is not used; it is kept as it was/);
    await expect.poll(() => page.locator('[data-ol="imported-packs"] [data-ol="pack-row"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.packId))).toContain('keep');
    expect(await local.get('userPacks')).toEqual(stored);
    await restUntouched();
  });

  it('corrupt as a whole: reset to none and reported, and nothing else changes', async () => {
    await local.set({ userPacks: 'half-written garbage', storageMeta: { keys: ['settings', 'userPacks'] } });
    await openSettings();
    expect(await notices()).toMatch(/Your imported packs were damaged in the browser's storage/);
    expect(await local.get('userPacks')).toEqual({ v: 1, data: [] });
    await restUntouched();
  });
});
