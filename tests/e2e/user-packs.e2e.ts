/**
 * Importable user packs in real Chromium: import a pack file through the settings page's file
 * input, find its entry in the popup (marked with the pack's title), refuse a malformed file with
 * `path: reason` lines while the earlier pack stays, remove it and no longer find it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OUT, consoleErrors, startHarness, type Harness } from './harness';
import { userPack } from '../lib/storage/pack-fixture';

const SHOTS = join(OUT, 'screenshots');
let h: Harness;
let opts: Page;
let popup: Page;

/** A word no bundled entry has. */
const WORD = 'snowplow';
const pack = userPack({ id: 'testville-snow', title: 'Testville snow rules', entryIds: ['testville-snow-ban'], related: ['mpls-19.30'] });
const file = (name: string, body: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
  opts = await h.openExtensionPage('options.html');
  popup = await h.openExtensionPage('popup.html');
});
afterAll(async () => {
  await h?.close();
});

/** Ids of the popup's results for `q` (re-typed, so each call is a fresh lookup). */
async function search(q: string): Promise<string[]> {
  await popup.bringToFront();
  await popup.locator('#ol-q').fill('');
  await popup.locator('#ol-q').fill(q);
  await popup.waitForSelector('[data-ol="results"] [role="option"], [data-ol="nothing"]');
  return popup.locator('[data-ol="results"] [role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-result-id') ?? ''));
}

describe('importable user packs', () => {
  it('lists the bundled pack and no imported ones at first', async () => {
    await opts.bringToFront();
    const bundled = opts.locator('[data-ol="bundled-packs"] [data-ol="pack-row"]');
    await expect.poll(() => bundled.count()).toBe(1);
    expect(await bundled.first().getAttribute('data-pack-id')).toBe('minneapolis');
    expect(await bundled.first().innerText()).toMatch(/id minneapolis · version .+ · current as of .+ · \d+ entries/);
    expect(await opts.locator('[data-ol="no-imported"]').innerText()).toBe('No imported packs.');
    expect(await search(WORD)).not.toContain('testville-snow-ban');
  });

  it('imports a valid pack file and lists it', async () => {
    await opts.bringToFront();
    await opts.locator('[data-ol="import-pack"]').setInputFiles(file('snow.json', pack));
    await expect.poll(() => opts.locator('[data-ol="pack-message"]').innerText()).toMatch(/Imported “Testville snow rules” \(version 1\.0\.0, 1 entry\)/);
    const row = opts.locator('[data-ol="imported-packs"] [data-pack-id="testville-snow"]');
    expect(await row.innerText()).toMatch(/Testville snow rules[\s\S]*id testville-snow · version 1\.0\.0 · current as of January 15, 2026 · 1 entry/);
    await opts.screenshot({ path: join(SHOTS, 'options-packs.png'), fullPage: true });
  });

  it('the popup finds an entry only that pack has, marked with the pack title', async () => {
    await expect.poll(() => search(WORD)).toContain('testville-snow-ban');
    const option = popup.locator('[data-result-id="testville-snow-ban"]');
    expect(await option.locator('[data-ol="pack"]').innerText()).toBe('From “Testville snow rules” (imported)');
    await option.click();
    await popup.waitForSelector('[data-ol="detail"] [data-entry-id="testville-snow-ban"]');
    expect(await popup.locator('[data-ol="detail"] [data-ol="pack"]').innerText()).toMatch(/From “Testville snow rules”, a pack you imported \(not checked by Ordinance Lens\)/);
    // Its link to a bundled entry works.
    expect(await popup.locator('[data-ol="detail"] [data-related-id="mpls-19.30"]').count()).toBe(1);
    await popup.screenshot({ path: join(SHOTS, 'popup-imported-entry.png') });
    await popup.locator('[data-ol="detail"] [data-ol="back"]').click();
  });

  it('"Search in" searches one pack only, the bundled or the imported', async () => {
    await popup.reload(); // the list of packs is read when the popup opens
    const filter = popup.locator('[data-ol="pack-filter"]');
    await filter.waitFor();
    expect(await filter.locator('option').allInnerTexts()).toEqual(['All packs', expect.stringMatching(/Minneapolis/), 'Testville snow rules (imported)']);
    await filter.selectOption('testville-snow');
    expect(await search('separation ordinance')).toEqual([]);
    expect(await popup.locator('[data-ol="nothing"]').innerText()).toMatch(/Nothing in the pack searched covers this/);
    expect(await search(WORD)).toContain('testville-snow-ban');
    await popup.screenshot({ path: join(SHOTS, 'popup-search-in.png') });
    await filter.selectOption('minneapolis');
    expect(await search(WORD)).not.toContain('testville-snow-ban');
    expect(await search('separation ordinance')).toContain('mpls-ch19');
    await filter.selectOption({ label: 'All packs' });
    expect(await search(WORD)).toContain('testville-snow-ban');
  });

  it('refuses a malformed file with `path: reason` lines; the earlier pack stays listed and searchable', async () => {
    await opts.bringToFront();
    const broken = structuredClone(pack) as { id: string; entries: Record<string, unknown>[] };
    broken.id = 'broken';
    broken.entries[0]!.id = 'broken-1';
    delete broken.entries[0]!.summary;
    broken.entries[0]!.status = 'maybe';
    await opts.locator('[data-ol="import-pack"]').setInputFiles(file('broken.json', broken));
    const msg = opts.locator('[data-ol="pack-message"]');
    await expect.poll(() => msg.getAttribute('data-ok')).toBe('false');
    expect(await msg.getAttribute('role')).toBe('alert');
    expect(await msg.innerText()).toMatch(/^Not imported: the file is not a valid Ordinance Lens pack\./);
    const problems = await opts.locator('[data-ol="pack-problems"] li').allInnerTexts();
    expect(problems).toContain('entries[0].summary: Invalid input: expected string, received undefined');
    expect(problems.some((p) => p.startsWith('entries[0].status: '))).toBe(true);
    await opts.screenshot({ path: join(SHOTS, 'options-pack-error.png'), fullPage: true });
    // Not JSON at all.
    await opts.locator('[data-ol="import-pack"]').setInputFiles(file('notes.json', '{ "id": '));
    await expect.poll(() => opts.locator('[data-ol="pack-problems"] li').first().innerText()).toMatch(/^not valid JSON/);
    // The bundled pack's id is refused plainly.
    await opts.locator('[data-ol="import-pack"]').setInputFiles(file('mine.json', { ...pack, id: 'minneapolis' }));
    await expect.poll(() => msg.innerText()).toMatch(/which is the id of the pack that comes with Ordinance Lens/);
    expect(await opts.locator('[data-ol="imported-packs"] [data-ol="pack-row"]').count()).toBe(1);
    expect(await search(WORD)).toContain('testville-snow-ban');
  });

  it('a newer version replaces the imported pack', async () => {
    await opts.bringToFront();
    await opts.locator('[data-ol="import-pack"]').setInputFiles(file('snow-2.json', { ...pack, version: '1.1.0' }));
    await expect.poll(() => opts.locator('[data-ol="pack-message"]').innerText()).toBe('Updated “Testville snow rules” from version 1.0.0 to 1.1.0 (1 entry).');
    expect(await opts.locator('[data-ol="imported-packs"] [data-ol="pack-row"]').count()).toBe(1);
    expect(await opts.locator('[data-pack-id="testville-snow"]').innerText()).toContain('version 1.1.0');
  });

  it('Remove takes it out of the list and out of the search', async () => {
    // The popup stays open, searching only this pack, while it is removed.
    await popup.bringToFront();
    await popup.locator('[data-ol="pack-filter"]').selectOption('testville-snow');
    await opts.bringToFront();
    await opts.getByRole('button', { name: 'Remove Testville snow rules' }).click();
    // It asks first: "Keep" leaves the pack, a second "Remove" takes it out.
    await opts.getByRole('group', { name: 'Remove Testville snow rules?' }).getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => opts.locator('[data-ol="imported-packs"] [data-ol="pack-row"]').count()).toBeGreaterThan(0);
    await opts.getByRole('button', { name: 'Remove Testville snow rules' }).click();
    await opts.getByRole('group', { name: 'Remove Testville snow rules?' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => opts.locator('[data-ol="pack-message"]').innerText()).toBe('Removed “Testville snow rules”.');
    expect(await opts.locator('[data-ol="no-imported"]').count()).toBe(1);
    // The first lookup that finds the pack gone says so (it searched every pack).
    await expect.poll(async () => !(await search(WORD)).includes('testville-snow-ban') && (await popup.locator('[data-ol="pack-gone"]').count()) === 1).toBe(true);
    // Then every pack is searched, and with one pack left there is no "Search in".
    expect(await search('separation ordinance')).toContain('mpls-ch19');
    expect(await popup.locator('[data-ol="pack-gone"]').count()).toBe(0);
    await expect.poll(() => popup.locator('[data-ol="pack-filter"]').count()).toBe(0);
  });

  it('logged no errors', () => {
    expect(consoleErrors(opts), consoleErrors(opts).join('\n')).toEqual([]);
    expect(consoleErrors(popup), consoleErrors(popup).join('\n')).toEqual([]);
  });
});
