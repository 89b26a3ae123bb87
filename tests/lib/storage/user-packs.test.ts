import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  compareVersions,
  importUserPack,
  MAX_USER_PACKS_BYTES,
  readUserPacks,
  removeUserPack,
  storedBytes,
  watchUserPacks,
  type Reserved,
} from '../../../lib/storage/user-packs';
import { readRepairNotices } from '../../../lib/storage/repair';
import { addHistory, readHistory } from '../../../lib/storage/history';
import { readSettings, writeSettings } from '../../../lib/storage/settings';
import { PackSchema } from '../../../core/schema/pack';
import { userPack } from './pack-fixture';
import { freshStorage } from './fresh-storage';

/** The bundled pack, as the background reports it. */
const RESERVED: Reserved = { packIds: new Set(['minneapolis']), entryIds: new Set(['mpls-19.30', 'mpls-ch19']) };

const text = (p: unknown) => JSON.stringify(p);

const repairs = freshStorage();

const all = async () => structuredClone(await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;
const ids = async () => (await readUserPacks()).map((s) => `${s.pack.id}@${s.pack.version}`);

async function seedOthers() {
  await writeSettings({ cardEnabled: false, citationStyle: 'memo' });
  await addHistory({ query: 'detainer', at: 5 });
  await fakeBrowser.storage.local.set({ somethingElse: { keep: 1 } });
}

describe('importUserPack', () => {
  it('stores a valid pack as a versioned value and reads it back', async () => {
    const r = await importUserPack(text(userPack()), RESERVED);
    expect(r).toMatchObject({ ok: true, pack: { id: 'snow', title: 'Snow emergency rules', version: '1.0.0', asOf: '2026-01-15', entries: 1 } });
    expect(r.ok && r.message).toMatch(/Imported “Snow emergency rules” \(version 1\.0\.0, 1 entry\)/);
    const stored = (await fakeBrowser.storage.local.get('userPacks')).userPacks as { v: number; data: unknown[] };
    expect(stored.v).toBe(1);
    expect(stored.data).toHaveLength(1);
    const packs = await readUserPacks();
    expect(packs[0]!.pack).toEqual(PackSchema.parse(userPack()));
    expect(packs[0]!.importedAt).toBeGreaterThan(0);
    expect(repairs).toEqual([]);
  });

  it('keeps several packs in import order; related may point at a bundled entry', async () => {
    expect((await importUserPack(text(userPack()), RESERVED)).ok).toBe(true);
    expect((await importUserPack(text(userPack({ id: 'rain', entryIds: ['rain-1'], related: ['mpls-19.30'] })), RESERVED)).ok).toBe(true);
    expect(await ids()).toEqual(['snow@1.0.0', 'rain@1.0.0']);
  });

  it('refuses an invalid file with the first few `path: reason` problems and stores nothing', async () => {
    await seedOthers();
    expect((await importUserPack(text(userPack()), RESERVED)).ok).toBe(true);
    const before = await all();
    const bad = userPack({ id: 'bad', entryIds: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'] }) as { entries: Record<string, unknown>[] };
    for (const e of bad.entries) delete e.summary;
    const r = await importUserPack(text(bad), RESERVED);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Not imported: /);
    expect(r.problems?.[0]).toMatch(/^entries\[0\]\.summary: /);
    expect(r.problems).toHaveLength(6);
    expect(r.problems?.at(-1)).toBe('…and 2 more problems');
    expect(await all()).toEqual(before);
  });

  it.each([
    ['not JSON', 'not json {', /not valid JSON/],
    ['an empty file', '   ', /file is empty/],
    ['a backup file', text({ format: 'ordinance-lens-backup', formatVersion: 1 }), /schemaVersion/],
    ['a newer schema', text({ ...userPack(), schemaVersion: 2 }), /^schemaVersion: unsupported schemaVersion 2/],
    ['a dangling related id', text(userPack({ related: ['nowhere'] })), /^entries\[0\]\.related\[0\]: unknown entry id "nowhere"/],
  ])('refuses %s plainly and changes nothing', async (_name, file, problem) => {
    await seedOthers();
    const before = await all();
    const r = await importUserPack(file, RESERVED);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems?.[0]).toMatch(problem);
    expect(await all()).toEqual(before);
  });

  it('refuses a pack with the bundled pack id', async () => {
    const r = await importUserPack(text(userPack({ id: 'minneapolis' })), RESERVED);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/id "minneapolis", which is the id of the pack that comes with Ordinance Lens/);
    expect(await readUserPacks()).toEqual([]);
  });

  it('refuses entry ids a bundled pack or another imported pack already uses', async () => {
    const clash = await importUserPack(text(userPack({ entryIds: ['mpls-19.30'] })), RESERVED);
    expect(!clash.ok && clash.problems).toEqual(['entries[0].id: id "mpls-19.30" already exists in another pack']);
    expect((await importUserPack(text(userPack()), RESERVED)).ok).toBe(true);
    const other = await importUserPack(text(userPack({ id: 'rain', entryIds: ['snow-1'] })), RESERVED);
    expect(!other.ok && other.problems).toEqual(['entries[0].id: id "snow-1" already exists in another pack']);
    expect(await ids()).toEqual(['snow@1.0.0']);
  });

  it('replaces an imported pack with a newer (or the same) version of it and says so', async () => {
    await importUserPack(text(userPack()), RESERVED);
    await importUserPack(text(userPack({ id: 'rain', entryIds: ['rain-1'] })), RESERVED);
    // The new version keeps its own entry ids (they do not collide with the version it replaces).
    const r = await importUserPack(text(userPack({ version: '1.10.0', entryIds: ['snow-1', 'snow-2'] })), RESERVED);
    expect(r).toMatchObject({ ok: true, replaced: '1.0.0' });
    expect(r.ok && r.message).toBe('Updated “Snow emergency rules” from version 1.0.0 to 1.10.0 (2 entries).');
    expect(await ids()).toEqual(['snow@1.10.0', 'rain@1.0.0']);
    const again = await importUserPack(text(userPack({ version: '1.10.0', entryIds: ['snow-1', 'snow-2'] })), RESERVED);
    expect(again.ok && again.message).toMatch(/Imported “Snow emergency rules” again/);
  });

  it('refuses an older version of an imported pack', async () => {
    await importUserPack(text(userPack({ version: '2.0' })), RESERVED);
    const r = await importUserPack(text(userPack({ version: '1.9' })), RESERVED);
    expect(!r.ok && r.message).toMatch(/version 1\.9 is older than the imported version 2\.0\. Remove the imported one first/);
    expect(await ids()).toEqual(['snow@2.0']);
  });

  it('refuses a pack too big for the storage budget before writing, and says how big', async () => {
    await seedOthers();
    await importUserPack(text(userPack()), RESERVED);
    const before = await all();
    const big = userPack({ id: 'big', entryIds: ['big-1'] }) as { entries: { summary: string }[] };
    big.entries[0]!.summary = 'x'.repeat(MAX_USER_PACKS_BYTES);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const r = await importUserPack(text(big), RESERVED);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/too big for the browser's storage \(9\.00 MB; imported packs can take at most 9\.00 MB together, and with the others they would take 9\.00 MB\)/);
    expect(set).not.toHaveBeenCalled();
    expect(await all()).toEqual(before);
  });

  it('over quota: a plain message, and the previous packs and other data stay', async () => {
    await seedOthers();
    await importUserPack(text(userPack()), RESERVED);
    const before = await all();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
    const r = await importUserPack(text(userPack({ id: 'rain', entryIds: ['rain-1'] })), RESERVED);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Not imported: the browser's storage for Ordinance Lens is full \(the pack needs \d+ KB\)\. Your other packs and data are unchanged\./);
    vi.restoreAllMocks();
    expect(await all()).toEqual(before);
    expect(await ids()).toEqual(['snow@1.0.0']);
  });

  it('writes in one storage call', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await importUserPack(text(userPack()), RESERVED);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object).sort()).toEqual(['storageMeta', 'userPacks']);
  });

  it('two quick imports do not lose one another', async () => {
    const [a, b] = await Promise.all([
      importUserPack(text(userPack()), RESERVED),
      importUserPack(text(userPack({ id: 'rain', entryIds: ['rain-1'] })), RESERVED),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(await ids()).toEqual(['snow@1.0.0', 'rain@1.0.0']);
  });
});

describe('removeUserPack', () => {
  it('removes one pack and keeps the others and the reader data', async () => {
    await seedOthers();
    await importUserPack(text(userPack()), RESERVED);
    await importUserPack(text(userPack({ id: 'rain', entryIds: ['rain-1'] })), RESERVED);
    const r = await removeUserPack('snow');
    expect(r).toEqual({ ok: true, message: 'Removed “Snow emergency rules”.' });
    expect(await ids()).toEqual(['rain@1.0.0']);
    expect((await readSettings()).citationStyle).toBe('memo');
    expect((await readHistory()).map((h) => h.query)).toEqual(['detainer']);
    // Its entry ids are free again.
    expect((await importUserPack(text(userPack({ id: 'snow2' })), RESERVED)).ok).toBe(true);
  });

  it('is harmless for an unknown id', async () => {
    expect(await removeUserPack('nope')).toMatchObject({ ok: true });
  });

  it('over quota: says so and keeps the pack', async () => {
    await importUserPack(text(userPack()), RESERVED);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const r = await removeUserPack('snow');
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Not removed: /);
    vi.restoreAllMocks();
    expect(await ids()).toEqual(['snow@1.0.0']);
  });
});

describe('readUserPacks: damage', () => {
  const OTHER = { settings: { v: 2, data: { cardEnabled: false, disabledSites: [], citationStyle: 'memo', historyEnabled: true } }, history: { v: 1, data: [{ query: 'kept', at: 1 }] }, somethingElse: { a: 1 } };

  it('is empty on a fresh install, without a report', async () => {
    expect(await readUserPacks()).toEqual([]);
    expect(repairs).toEqual([]);
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an envelope without data', { v: 1 }],
    ['an envelope with v 0', { v: 0, data: [] }],
    ['data that is not a list', { v: 1, data: { snow: {} } }],
  ])('a corrupted value (%s) is reported, replaced by an empty list, and other keys stay', async (_name, value) => {
    await fakeBrowser.storage.local.set({ userPacks: value, ...OTHER });
    expect(await readUserPacks()).toEqual([]);
    expect(repairs.map((r) => [r.key, r.reason])).toEqual([['userPacks', 'corrupted']]);
    expect(repairs[0]!.message).toMatch(/imported packs were damaged/);
    expect(await readRepairNotices()).toHaveLength(1);
    expect((await fakeBrowser.storage.local.get('userPacks')).userPacks).toEqual({ v: 1, data: [] });
    for (const [k, v] of Object.entries(OTHER)) expect((await fakeBrowser.storage.local.get(k))[k]).toEqual(v);
    // Repaired once: the next read is clean.
    expect(await readUserPacks()).toEqual([]);
    expect(repairs).toHaveLength(1);
  });

  it('skips a damaged pack, keeps the others, reports it, and leaves the damaged one stored', async () => {
    await importUserPack(text(userPack()), RESERVED);
    await importUserPack(text(userPack({ id: 'rain', entryIds: ['rain-1'] })), RESERVED);
    const stored = (await fakeBrowser.storage.local.get('userPacks')).userPacks as { v: number; data: { pack: { entries: unknown } }[] };
    stored.data[0]!.pack.entries = 'damaged';
    await fakeBrowser.storage.local.set({ userPacks: stored, ...OTHER });
    expect(await ids()).toEqual(['rain@1.0.0']);
    expect(repairs.map((r) => r.reason)).toEqual(['invalid-fields']);
    expect(repairs[0]!.message).toMatch(/An imported pack is damaged .* not used; it is kept as it was, and your other imported packs are used/);
    // A read never rewrites packs (a later schema must not erase them at each worker start).
    expect(((await fakeBrowser.storage.local.get('userPacks')).userPacks as { data: unknown[] }).data).toHaveLength(2);
    expect((await fakeBrowser.storage.local.get('history')).history).toEqual(OTHER.history);
  });

  it('notices packs that vanished after they were written', async () => {
    await importUserPack(text(userPack()), RESERVED);
    await fakeBrowser.storage.local.remove('userPacks');
    expect(await readUserPacks()).toEqual([]);
    expect(repairs.map((r) => r.reason)).toEqual(['vanished']);
  });

  it('survives a store the browser cannot read, and writes nothing over it', async () => {
    await importUserPack(text(userPack()), RESERVED);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('Invalid JSON'));
    expect(await readUserPacks()).toEqual([]);
    expect(repairs.map((r) => r.reason)).toEqual(['unreadable']);
    expect(await ids()).toEqual(['snow@1.0.0']);
  });

  it('reads what it can of a value from a newer build and does not overwrite it', async () => {
    const newer = { v: 7, data: [{ pack: userPack(), importedAt: 3, extra: true }, { future: 1 }] };
    await fakeBrowser.storage.local.set({ userPacks: newer });
    expect(await ids()).toEqual(['snow@1.0.0']);
    expect(repairs.map((r) => r.reason)).toEqual(['newer-version']);
    expect((await fakeBrowser.storage.local.get('userPacks')).userPacks).toEqual(newer);
  });

  it('refuses to import or remove over packs a newer build saved, and changes nothing', async () => {
    const newer = { v: 7, data: [{ pack: userPack(), importedAt: 3, extra: true }, { future: 1 }] };
    await fakeBrowser.storage.local.set({ userPacks: newer });
    const imp = await importUserPack(text(userPack({ id: 'rain', entryIds: ['rain-1'] })), RESERVED);
    expect(imp.ok).toBe(false);
    expect(imp.message).toMatch(/^Not imported: .*newer version of Ordinance Lens/);
    const rm = await removeUserPack('snow');
    expect(rm.ok).toBe(false);
    expect(rm.message).toMatch(/^Not removed: .*newer version/);
    expect((await fakeBrowser.storage.local.get('userPacks')).userPacks).toEqual(newer);
  });
});

describe('helpers', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('2026-02', '2026-01')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0')).toBe(0);
  });

  it('counts stored bytes as Chrome does (key + JSON, UTF-8)', () => {
    const p = PackSchema.parse(userPack({ title: 'Schnee §' }));
    const json = JSON.stringify({ v: 1, data: [{ pack: p, importedAt: 1 }] });
    expect(storedBytes([{ pack: p, importedAt: 1 }])).toBe('userPacks'.length + Buffer.byteLength(json));
  });

  it('watchUserPacks tells a listener when packs change', async () => {
    const seen: string[][] = [];
    const stop = watchUserPacks((packs) => seen.push(packs.map((s) => s.pack.id)));
    await importUserPack(text(userPack()), RESERVED);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['snow']));
    stop();
  });
});
