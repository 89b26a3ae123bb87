/**
 * The search index a large import builds in its worker (lib/large-pack-index.ts) is the one the
 * background accepts: same key, same fingerprint, so on `packsChanged` the background loads it
 * and builds nothing (in Firefox that build froze the settings page for 14–17 s). A small pack
 * of the imported id (the page removes it next) is left out of the key; another extension
 * version or a removed pack still invalidates it; a large pack not read whole means no index.
 * IndexedDB (lib/storage/pack-db.ts) is an in-memory stand-in; storage.local is WXT's fake.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry, Pack } from '../../core/schema/pack';
import type { StoredIndex } from '../../core/search/index';
import { toColumns } from '../../core/pack/columns';
import type { IndexInput } from '../../lib/large-pack-index';
import { importUserPack, readUserPacks, removeUserPack } from '../../lib/storage/user-packs';
import type { LargePackMeta, StoredBrief } from '../../lib/storage/pack-db';
import { syntheticEntries } from '../../scripts/commands/bench';
import { bundledPacks } from '../support/bundled';
import { userPack } from './storage/pack-fixture';

/** The database's stores, in memory; the index cloned as IndexedDB clones it (its byte form and shards: stored-index-bytes.test.ts). */
const db = vi.hoisted(() => ({
  packs: new Map<string, { meta: LargePackMeta; entries: Entry[] }>(),
  index: undefined as { key: string; index: unknown } | undefined,
  indexWrites: 0,
  entryReads: [] as string[],
  unreadable: new Set<string>(),
}));

vi.mock('../../lib/storage/pack-db', async (orig) => ({
  ...(await orig<object>()),
  readBriefs: async (): Promise<StoredBrief[]> => [...db.packs.values()].sort((a, b) => a.meta.importedAt - b.meta.importedAt).map((p) => ({ meta: p.meta, columns: toColumns(p.entries), current: true })),
  readAllEntries: async (pack: string) => {
    db.entryReads.push(pack);
    if (db.unreadable.has(pack)) throw new Error('not readable');
    return structuredClone(db.packs.get(pack)?.entries ?? []);
  },
  readEntries: async (pack: string, ids: readonly string[]) => (db.packs.get(pack)?.entries ?? []).filter((e) => ids.includes(e.id)),
  readStoredIndexRecord: async () => db.index && { key: db.index.key, index: structuredClone(db.index.index) as StoredIndex },
  writeStoredIndex: async (key: string, index: StoredIndex, stillCurrent: () => boolean) => {
    if (!stillCurrent()) return;
    db.indexWrites++;
    db.index = { key, index: structuredClone(index) };
  },
  writeBriefs: async () => undefined,
}));

// The unit suite shares modules between files (isolate: false): drop the copies another file
// imported without the stand-in database, so these imports see it.
vi.resetModules();
const { createLookupService } = await import('../../lib/lookup-service');
const { keepIndex, loadSearchedPacks, lookupWhole } = await import('../../lib/large-packs');
const { buildIndexAfterStore } = await import('../../lib/large-pack-index');

const bundled = bundledPacks();
const VERSION = '9.9.9';
const RESERVED = { packIds: new Set(bundled.map((p) => p.id)), entryIds: new Set(bundled.flatMap((p) => p.entries.map((e) => e.id))) };

const prefixed = (prefix: string, n: number, seed: number): Entry[] => syntheticEntries(n, seed).map((e) => ({ ...e, id: `${prefix}-${e.id}`, related: [] }));
const meta = (id: string, entries: Entry[], importedAt: number): LargePackMeta => ({ id, title: `Code ${id}`, jurisdiction: 'District of Columbia', version: '1', asOf: '2026-06-30', entries: entries.length, bytes: 5e6, importedAt });

/** What storeLargePack leaves: the pack in the database, the stored index cleared. */
function stored(id: string, entries: Entry[], importedAt: number) {
  const m = meta(id, entries, importedAt);
  db.packs.set(id, { meta: m, entries });
  db.index = undefined;
  return { meta: m, entries };
}

const inputNow = async (over: Partial<IndexInput> = {}): Promise<IndexInput> => ({ extensionVersion: VERSION, small: await readUserPacks(), bundled, ...over });

/** A background as it starts on `packsChanged`: reads the packs, then keeps an index if it had to build one. */
async function background(version = VERSION) {
  const service = createLookupService(bundled);
  const got = (await loadSearchedPacks(service, version, () => true))!;
  const writes = db.indexWrites;
  await keepIndex(service, got, () => true);
  return { service, got, rebuilt: db.indexWrites > writes };
}

beforeEach(() => {
  fakeBrowser.reset();
  db.packs.clear();
  db.index = undefined;
  db.indexWrites = 0;
  db.entryReads = [];
  db.unreadable.clear();
});

describe('the index built with a large import', () => {
  it('is the one the background loads: same key, no rebuild, the same answers as a fresh build', async () => {
    expect((await importUserPack(JSON.stringify(userPack()), RESERVED)).ok).toBe(true);
    stored('older', prefixed('old', 200, 3), 1);
    const big = stored('big', prefixed('big', 300, 7), 2);
    const stages: string[] = [];
    expect(await buildIndexAfterStore(await inputNow(), big, (p) => stages.push(p.stage))).toBe(true);
    expect(new Set(stages)).toEqual(new Set(['indexing']));
    // The pack just stored came from memory; only the other large pack was read whole.
    expect(db.entryReads).toEqual(['older']);
    expect(db.indexWrites).toBe(1);

    const { service, got, rebuilt } = await background();
    expect(got.key).toBe(db.index!.key);
    expect(got.index).toBeDefined();
    expect(rebuilt).toBe(false);
    const fresh = createLookupService(bundled);
    fresh.setUserPacks([...(await readUserPacks()).map((s) => s.pack), { ...got.packs[1]!, entries: db.packs.get('older')!.entries }, { ...got.packs[2]!, entries: big.entries }]);
    for (const q of [big.entries[10]!.title, db.packs.get('older')!.entries[4]!.title, 'Snowplow parking ban snow-1']) {
      const view = await lookupWhole(service, q, { citationStyle: 'short' });
      expect(view.result.results.map((h) => [h.id, h.score]), q).toEqual(fresh.lookup(q, { citationStyle: 'short' }).result.results.map((h) => [h.id, h.score]));
    }
    expect(service.indexSource()).toBe('cache');
  });

  it('leaves out a small pack of the imported id: the page removes it, and the key then matches', async () => {
    expect((await importUserPack(JSON.stringify(userPack({ id: 'big', entryIds: ['small-1'] })), RESERVED)).ok).toBe(true);
    const big = stored('big', prefixed('big', 100, 5), 2);
    expect(await buildIndexAfterStore(await inputNow(), big, () => undefined)).toBe(true);
    await removeUserPack('big');
    const { got, rebuilt } = await background();
    expect(got.index).toBeDefined();
    expect(rebuilt).toBe(false);
  });

  it('is not used once the bundled packs change (another extension version) or a pack is removed', async () => {
    stored('older', prefixed('old', 50, 3), 1);
    const big = stored('big', prefixed('big', 80, 7), 2);
    expect(await buildIndexAfterStore(await inputNow(), big, () => undefined)).toBe(true);
    const other = await background('10.0.0');
    expect(other.got.index).toBeUndefined();
    expect(other.rebuilt).toBe(true);
    db.packs.delete('older');
    const after = await background('10.0.0');
    expect(after.got.index).toBeUndefined();
    expect(after.rebuilt).toBe(true);
  });

  it('stores nothing when another large pack cannot be read whole (the background tries again)', async () => {
    stored('older', prefixed('old', 50, 3), 1);
    const big = stored('big', prefixed('big', 80, 7), 2);
    db.unreadable.add('older');
    expect(await buildIndexAfterStore(await inputNow(), big, () => undefined)).toBe(false);
    expect(db.index).toBeUndefined();
  });
});

describe('the import hands the worker what it needs for the index', () => {
  it('the bundled packs, the small packs and the version, when the page has the bundled packs', async () => {
    const { importLargePack } = await import('../../lib/large-pack-import');
    let seen: IndexInput | undefined;
    const run = vi.fn(async (_f: unknown, input: { index?: IndexInput }) => ((seen = input.index), { ok: false as const, result: { ok: false as const, message: 'no' } }));
    await importLargePack({ name: 'x.json', text: async () => '{}' }, { ...RESERVED, bundled: async () => bundled as readonly Pack[] }, () => undefined, undefined, run);
    expect(seen?.bundled).toBe(bundled);
    expect(seen?.small).toEqual([]);
    expect(typeof seen?.extensionVersion).toBe('string');
    seen = undefined;
    await importLargePack({ name: 'x.json', text: async () => '{}' }, RESERVED, () => undefined, undefined, run);
    expect(seen).toBeUndefined();
  });
});
