/**
 * Large imported packs in IndexedDB (database `ordinance-lens-packs`, the extension's origin).
 * storage.local holds about 10 MB without `unlimitedStorage`; a whole published code (the D.C.
 * Code: 57 MB) needs the origin's IndexedDB quota, which Chromium sizes from free disk space.
 *
 * Stores:
 * - `packs`: one record per pack: its fields without the entries, the entry count, the file's
 *   size and the import time;
 * - `briefs`: per pack, every entry in brief as columns (core/pack/columns.ts), read at each
 *   worker start (records stored before the columns, `slim`, are converted when read);
 * - `entries`: one record per entry, keyed [pack id, entry id], read a few at a time;
 * - `index`: the search index of everything searched, in its stored form
 *   (core/search/stored-index.ts), under the key of what it was built from.
 *
 * An import is one transaction over the four stores: it commits whole or not at all, so a
 * failed, cancelled or interrupted import (the tab closed, the disk full) leaves the packs as
 * they were. Removing the last large pack deletes the database, which frees its space at once.
 */
import type { Entry, Pack } from '../../core/schema/pack';
import type { SlimEntry } from '../../core/pack/slim';
import { columnsFit, toColumns, type PackColumns } from '../../core/pack/columns';
import type { StoredIndex } from '../../core/search/index';
import { fromIndexBytes, fromShardBytes, toIndexBytes, type StoredIndexBytes, type StoredShard } from './stored-index-bytes';
import type { ShardPayload } from '../../core/search/index-shards';
import { fromStoredColumns, toStoredColumns, type StoredColumns } from './brief-bytes';
import { committed, deleteDatabase, openDatabase, request } from './idb';

export const PACK_DB = 'ordinance-lens-packs';
const DB_VERSION = 1;
const S = { packs: 'packs', briefs: 'briefs', entries: 'entries', index: 'index' } as const;

export interface LargePackMeta {
  id: string;
  title: string;
  jurisdiction: string;
  version: string;
  asOf: string;
  description?: string;
  entries: number;
  /** The imported file's size in bytes (UTF-16 code units of its text: what the user picked). */
  bytes: number;
  importedAt: number;
}

let opening: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  opening ??= openDatabase(
    PACK_DB,
    DB_VERSION,
    (d) => {
      d.createObjectStore(S.packs, { keyPath: 'id' });
      d.createObjectStore(S.briefs, { keyPath: 'pack' });
      d.createObjectStore(S.entries, { keyPath: ['pack', 'id'] });
      d.createObjectStore(S.index, { keyPath: 'slot' });
    },
    () => (opening = undefined),
  ).catch((err: unknown) => {
    opening = undefined;
    throw err;
  });
  return opening;
}

/** Every key [pack, *] of the entries store. */
const packRange = (id: string) => IDBKeyRange.bound([id], [id, []]);

/** Does this browser context have IndexedDB at all (not in some private modes)? */
export const hasPackDb = (): boolean => typeof indexedDB !== 'undefined';

/**
 * Is the database there? Readers do not create it: once the last large pack is removed and
 * the database deleted, no context holds a connection, so the browser can close its files and
 * give the space back (opening it again would keep them). Where `databases()` is missing, yes.
 */
async function exists(): Promise<boolean> {
  if (!hasPackDb()) return false;
  if (opening || typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((d) => d.name === PACK_DB);
  } catch {
    return true;
  }
}

let probing: Promise<IDBDatabase | undefined> | undefined;

/**
 * The database if it is there, in one request instead of `exists` then `db` (a worker start's
 * reads waited for both round trips: 8–12 ms). Opened without a version, a database that is not
 * there is being created (an upgrade from version 0): that creation is aborted, so a reader still
 * never creates it. Undefined when it is not there or does not open (the callers then read no
 * large packs, as they did when `db` failed).
 */
function existingDb(): Promise<IDBDatabase | undefined> {
  if (opening) return opening;
  if (!hasPackDb()) return Promise.resolve(undefined);
  probing ??= new Promise<IDBDatabase | undefined>((resolve) => {
    const r = indexedDB.open(PACK_DB);
    r.onupgradeneeded = (ev) => {
      if (ev.oldVersion === 0) r.transaction?.abort();
    };
    r.onsuccess = () => {
      const d = r.result;
      if (opening || d.version !== DB_VERSION) {
        d.close();
        resolve(db());
        return;
      }
      d.onversionchange = () => {
        d.close();
        opening = undefined;
      };
      d.onclose = () => (opening = undefined);
      opening = Promise.resolve(d);
      resolve(d);
    };
    r.onerror = (ev) => {
      ev.preventDefault();
      resolve(undefined);
    };
  }).finally(() => (probing = undefined));
  return probing;
}

/** The large packs stored, in import order. Throws when the database cannot be read. */
export async function listLargePacks(): Promise<LargePackMeta[]> {
  if (!(await exists())) return [];
  const d = await db();
  const all = await request(d.transaction(S.packs).objectStore(S.packs).getAll() as IDBRequest<LargePackMeta[]>);
  return all.sort((a, b) => a.importedAt - b.importedAt);
}

interface BriefRecord {
  pack: string;
  /** Titles as UTF-8 bytes since issue 15 (brief-bytes.ts); as a string before. */
  columns?: StoredColumns;
  /** Before the columns: one object per entry. */
  slim?: SlimEntry[];
}

/** A stored brief as columns; `current` false when it was stored before the columns (it lacks the entries' dates: write it again). */
function columnsOfRecord(r: BriefRecord): { columns: PackColumns; current: boolean } | undefined {
  const columns = fromStoredColumns(r.columns);
  if (columnsFit(columns)) return { columns, current: true };
  return Array.isArray(r.slim) ? { columns: toColumns(r.slim), current: false } : undefined;
}

export interface StoredBrief {
  meta: LargePackMeta;
  columns: PackColumns;
  /** False: stored before the columns, without the entries' dates (lib/large-packs.ts writes it again). */
  current: boolean;
}

/** Each stored large pack with every entry in brief, read in one transaction. */
export async function readBriefs(): Promise<StoredBrief[]> {
  const d = await existingDb();
  if (!d) return [];
  const tx = d.transaction([S.packs, S.briefs]);
  const [metas, briefs] = await Promise.all([
    request(tx.objectStore(S.packs).getAll() as IDBRequest<LargePackMeta[]>),
    request(tx.objectStore(S.briefs).getAll() as IDBRequest<BriefRecord[]>),
  ]);
  const byPack = new Map(
    briefs.flatMap((b) => {
      const columns = columnsOfRecord(b);
      return columns ? [[b.pack, columns] as const] : [];
    }),
  );
  return metas.sort((a, b) => a.importedAt - b.importedAt).flatMap((meta) => (byPack.has(meta.id) ? [{ meta, ...byPack.get(meta.id)! }] : []));
}

/** Stores briefs again (made from whole entries). Never throws: a brief not written is written at a later start. */
export async function writeBriefs(briefs: { pack: string; columns: PackColumns }[]): Promise<void> {
  try {
    const tx = (await db()).transaction(S.briefs, 'readwrite');
    const done = committed(tx);
    for (const b of briefs) tx.objectStore(S.briefs).put({ pack: b.pack, columns: toStoredColumns(b.columns) } satisfies BriefRecord);
    await done;
  } catch (err) {
    console.debug('[Ordinance Lens] briefs not written again:', String(err));
  }
}

/** Whole entries of pack `pack` by id (missing ids are left out). */
export async function readEntries(pack: string, ids: readonly string[]): Promise<Entry[]> {
  if (!ids.length) return [];
  const store = (await db()).transaction(S.entries).objectStore(S.entries);
  const got = await Promise.all(ids.map((id) => request(store.get([pack, id]) as IDBRequest<{ entry: Entry } | undefined>)));
  return got.flatMap((r) => (r ? [r.entry] : []));
}

/** Every entry of pack `pack`, in the pack's order (`order`: its ids; for building the index). */
export async function readAllEntries(pack: string, order: readonly string[]): Promise<Entry[]> {
  const store = (await db()).transaction(S.entries).objectStore(S.entries);
  const all = await request(store.getAll(packRange(pack)) as IDBRequest<{ id: string; entry: Entry }[]>);
  const byId = new Map(all.map((r) => [r.id, r.entry]));
  return order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export interface StoreProgress {
  stored: number;
  total: number;
}

/**
 * Stores `pack` (validated by the caller) with its brief, replacing a pack of the same id, and
 * forgets the stored index (it no longer matches). All or nothing; `signal` cancels it.
 */
export async function storeLargePack(pack: Pack, meta: LargePackMeta, columns: PackColumns, onProgress?: (p: StoreProgress) => void, signal?: AbortSignal): Promise<void> {
  const tx = (await db()).transaction([S.packs, S.briefs, S.entries, S.index], 'readwrite');
  const done = committed(tx);
  const abort = () => {
    try {
      tx.abort();
    } catch {
      // already committed (the cancel came too late): the pack is stored whole
    }
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const entries = tx.objectStore(S.entries);
    entries.delete(packRange(pack.id));
    tx.objectStore(S.index).clear();
    tx.objectStore(S.packs).put(meta);
    tx.objectStore(S.briefs).put({ pack: pack.id, columns: toStoredColumns(columns) } satisfies BriefRecord);
    putInBatches(entries, pack, (stored) => onProgress?.({ stored, total: pack.entries.length }));
    if (signal?.aborted) tx.abort();
    await done;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/** Entries stored per batch: between batches the page paints and answers (one batch blocks it briefly). */
const BATCH = 400;

/**
 * Puts the pack's entries a batch at a time, each batch from the success of the previous one's
 * last request: the transaction stays open (a request is always pending) and stays one
 * transaction, while the page's event loop runs between batches.
 */
function putInBatches(store: IDBObjectStore, pack: Pack, onStored: (n: number) => void): void {
  let next = 0;
  const batch = () => {
    const end = Math.min(pack.entries.length, next + BATCH);
    let last: IDBRequest | undefined;
    for (; next < end; next++) last = store.put({ pack: pack.id, id: pack.entries[next]!.id, entry: pack.entries[next] });
    if (last)
      last.onsuccess = () => {
        onStored(end);
        if (end < pack.entries.length) batch();
      };
  };
  batch();
}

/** Removes large pack `id`; the last one takes the database with it (its space is freed at once). */
export async function removeLargePack(id: string): Promise<boolean> {
  const d = await db();
  const tx = d.transaction([S.packs, S.briefs, S.entries, S.index], 'readwrite');
  const done = committed(tx);
  const had = await request(tx.objectStore(S.packs).getKey(id));
  tx.objectStore(S.packs).delete(id);
  tx.objectStore(S.briefs).delete(id);
  tx.objectStore(S.entries).delete(packRange(id));
  tx.objectStore(S.index).clear();
  const left = await request(tx.objectStore(S.packs).count());
  await done;
  if (left === 0) {
    d.close();
    opening = undefined;
    await deleteDatabase(PACK_DB);
  }
  return had !== undefined;
}

/** The stored index and the key of what it was built from, if any. Never throws. */
export async function readStoredIndexRecord(): Promise<{ key: string; index: StoredIndex } | undefined> {
  try {
    const d = await existingDb();
    if (!d) return undefined;
    const got = await request(d.transaction(S.index).objectStore(S.index).get('current') as IDBRequest<{ key: string; index: StoredIndexBytes | StoredIndex } | undefined>);
    return got && { key: got.key, index: fromIndexBytes(got.index) };
  } catch {
    return undefined;
  }
}

/** Stores the index built from `key`, unless the packs changed meanwhile (then it is not theirs). */
export async function writeStoredIndex(key: string, index: StoredIndex, stillCurrent: () => boolean): Promise<void> {
  const tx = (await db()).transaction(S.index, 'readwrite');
  const done = committed(tx);
  if (!stillCurrent()) tx.abort();
  else {
    const { head, shards } = toIndexBytes(index);
    const store = tx.objectStore(S.index);
    store.clear(); // an older index's shards
    store.put({ slot: 'current', key, index: head });
    shards.forEach((shard, i) => store.put({ slot: shardSlot(i), key, shard } satisfies ShardRecord));
  }
  await done.catch(() => undefined);
}

/** The index's shards (core/search/index-shards.ts) are records of the index store beside 'current'. */
const shardSlot = (i: number) => `shard ${i}`;
interface ShardRecord {
  slot: string;
  /** The key of the index it belongs to: a shard of another index is never copied in. */
  key: string;
  shard: StoredShard;
}

/** Shards `shards` of the index stored under `key`, in one transaction. Throws when one is not there or is another index's. */
export async function readIndexShards(key: string, shards: readonly number[]): Promise<ShardPayload[]> {
  const store = (await db()).transaction(S.index).objectStore(S.index);
  const got = await Promise.all(shards.map((i) => request(store.get(shardSlot(i)) as IDBRequest<ShardRecord | undefined>)));
  return got.map((r, i) => {
    if (r?.key !== key || typeof r.shard !== 'object') throw new Error(`index shard ${shards[i]} is not stored`);
    return fromShardBytes(r.shard);
  });
}
