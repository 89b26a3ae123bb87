/**
 * What the background searches besides the bundled packs, and the index to search it with: the
 * small imported packs (storage.local, lib/storage/user-packs.ts) and the large ones
 * (IndexedDB, lib/storage/pack-db.ts).
 *
 * The first lookup after a worker stop must not read a whole code (57 MB for D.C.: about a second
 * to parse alone). So when the stored index was built from exactly these packs (same extension
 * version for the bundled ones, same index format, same pack versions and import times), the
 * large packs come as columns (each entry in brief: core/pack/columns.ts, made into a stub only
 * when read) with that index, and the few entries a lookup shows are read whole afterwards
 * (`wholeEntriesFor`). Otherwise their entries
 * are read whole, the index is built (once: 10 to 20 s for D.C.) and stored for the next start.
 */
import type { Pack } from '../core/schema/pack';
import { columnEntries } from '../core/pack/lazy-entries';
import { markLarge } from '../core/pack/large';
import { idsOf, toColumns } from '../core/pack/columns';
import type { StoredIndex } from '../core/search/index';
import { indexCacheKey, readIndexCache, writeIndexCache } from './storage/index-cache';
import { readUserPacks, type StoredPack } from './storage/user-packs';
import { readAllEntries, readBriefs, readEntries, readStoredIndexRecord, writeBriefs, writeStoredIndex, type LargePackMeta, type StoredBrief } from './storage/pack-db';
import { readAllShards, lookupFilled, setPartialIndex } from './index-shard-reads';
import type { LookupService } from './lookup-service';
import type { EntryView, LookupView } from './messages';

export interface SearchedPacks {
  /** The imported packs, small then large (a large pack's entries are stubs when `index` is its stored index). */
  packs: Pack[];
  /** What the index must be built from: compare before using a stored or cached one. */
  key: string;
  /** An index built from exactly `key`, if one is stored. */
  index?: string | StoredIndex;
  /** Large packs are present: the index is kept in IndexedDB (else storage.session keeps it). */
  large: boolean;
  /** Every large pack was read: an index built now may be stored under `key`. */
  complete: boolean;
  /** Large packs read whole whose stored brief predates the columns: written again with the index. */
  rebrief?: Pack[];
}

const asPack = (meta: LargePackMeta, entries: Pack['entries']): Pack =>
  markLarge({
    id: meta.id,
    title: meta.title,
    jurisdiction: meta.jurisdiction,
    version: meta.version,
    asOf: meta.asOf,
    schemaVersion: 1,
    ...(meta.description ? { description: meta.description } : {}),
    changelog: [],
    entries,
  });

async function readBriefsSafely(): Promise<StoredBrief[]> {
  try {
    return await readBriefs();
  } catch (err) {
    console.warn('[Ordinance Lens] large packs not read:', String(err));
    return [];
  }
}

/** How long the last start's reads took, for the browser benchmark (tests/e2e/large-pack.e2e.ts). */
export const lastLoad: Record<string, number> = {};

/**
 * What the import worker (lib/large-pack-index.ts) supplies: it cannot read storage.local, so the
 * page hands it the small packs; `have` is the large pack it just stored, still in its memory.
 */
export interface GivenPacks {
  small: readonly StoredPack[];
  have?: { meta: LargePackMeta; entries: Pack['entries'] };
}

/** A large pack's entries whole: from memory when `given.have` is this very import, else read. */
const entriesOf = (b: StoredBrief, given?: GivenPacks) =>
  given?.have && given.have.meta.id === b.meta.id && given.have.meta.importedAt === b.meta.importedAt ? Promise.resolve(given.have.entries) : readAllEntries(b.meta.id, idsOf(b.columns));

/**
 * Never throws: an unreadable store counts as no packs there (and is reported in the console).
 * `whole`: read the large packs' entries whole even if an index is stored (it did not load).
 * `given`: the small packs (and a large pack in memory) come from the caller, not from storage.
 */
export async function readSearchedPacks(extensionVersion: string, whole = false, given?: GivenPacks): Promise<SearchedPacks> {
  // The stored index is read beside the briefs (its key is checked once both are in): a start
  // waits for the slower of the two reads, not for both one after the other.
  const t0 = performance.now();
  const timed = <T>(name: string, p: Promise<T>) => p.finally(() => (lastLoad[name] = Math.round(performance.now() - t0)));
  const [small, briefs, stored] = await Promise.all([given ? given.small : timed('smallMs', readUserPacks()), timed('briefsMs', readBriefsSafely()), whole ? undefined : timed('indexReadMs', readStoredIndexRecord())]);
  const key = [indexCacheKey(extensionVersion, small), ...briefs.map((b) => `large ${b.meta.id}@${b.meta.version}@${b.meta.importedAt}`)].join('|');
  const smallPacks = small.map((s) => s.pack);
  if (!briefs.length) {
    const index = small.length ? await readIndexCache(key) : undefined;
    return { packs: smallPacks, key, ...(index ? { index } : {}), large: false, complete: true };
  }
  // A brief stored before the columns lacks the entries' dates (the ranking reads them): read whole.
  const index = stored?.key === key && briefs.every((b) => b.current) ? stored.index : undefined;
  if (index) return { packs: [...smallPacks, ...briefs.map((b) => asPack(b.meta, columnEntries(b.columns)))], key, index, large: true, complete: true };
  const read = await Promise.all(briefs.map(async (b) => asPack(b.meta, await entriesOf(b, given).catch(() => []))));
  const complete = read.every((p, i) => p.entries.length === briefs[i]!.columns.count);
  const rebrief = read.filter((p, i) => !briefs[i]!.current && p.entries.length === briefs[i]!.columns.count);
  return { packs: [...smallPacks, ...read.filter((p) => p.entries.length)], key, large: true, complete, ...(rebrief.length ? { rebrief } : {}) };
}

/**
 * Reads the searched packs into `service`; with stubs, loads their stored index now (a damaged
 * one is replaced by reading the packs whole: an index is never built from stubs). Returns
 * undefined when `isCurrent` says a newer read has started.
 */
export async function loadSearchedPacks(service: LookupService, extensionVersion: string, isCurrent: () => boolean): Promise<SearchedPacks | undefined> {
  const t0 = performance.now();
  // Since the worker's start (its time origin): what ran before the packs were read.
  lastLoad.readStartMs = Math.round(t0);
  let got = await readSearchedPacks(extensionVersion);
  lastLoad.readMs = Math.round(performance.now() - t0);
  if (!isCurrent()) return undefined;
  service.setUserPacks(got.packs, got.index);
  setPartialIndex(undefined);
  if (!got.large || !got.index) return got;
  try {
    const t1 = performance.now();
    service.size(); // loads the stored index
    lastLoad.indexLoadMs = Math.round(performance.now() - t1);
    if (typeof got.index !== 'string') setPartialIndex(got.index.gaps && { key: got.key, gaps: got.index.gaps, whole: () => readWhole(service, extensionVersion, isCurrent).then((g) => g && setTimeout(() => void keepIndex(service, g, isCurrent), 0)) });
    return got;
  } catch (err) {
    console.warn('[Ordinance Lens] stored index not used, reading the packs whole:', String(err));
  }
  return readWhole(service, extensionVersion, isCurrent);
}

/** The packs read whole, their index built and kept again: what a stored index that does not load (or lost a shard) is replaced by. */
async function readWhole(service: LookupService, extensionVersion: string, isCurrent: () => boolean): Promise<SearchedPacks | undefined> {
  setPartialIndex(undefined);
  const got = await readSearchedPacks(extensionVersion, true);
  if (!isCurrent()) return undefined;
  service.setUserPacks(got.packs);
  return got;
}

/**
 * Builds the index if needed and keeps it for the next worker start. Never throws. `service`: the
 * lookup service, or (the import worker) just what builds the index (lib/large-pack-index.ts).
 */
export async function keepIndex(service: Pick<LookupService, 'storedIndex' | 'serializedIndex'>, got: SearchedPacks, isCurrent: () => boolean): Promise<void> {
  if (got.index || !got.packs.length) return;
  try {
    if (got.large) {
      if (got.rebrief && isCurrent()) await writeBriefs(got.rebrief.map((p) => ({ pack: p.id, columns: toColumns(p.entries) })));
      if (got.complete) await writeStoredIndex(got.key, service.storedIndex(), isCurrent);
    } else await writeIndexCache(got.key, service.serializedIndex());
  } catch (err) {
    console.debug('[Ordinance Lens] index not kept:', String(err));
  }
}

/** Reads whole the entries of `ids` that are still stubs. Never throws (a failed read leaves stubs). */
export async function wholeEntriesFor(service: LookupService, ids: readonly string[]): Promise<void> {
  for (const [pack, missing] of service.stubsAmong(ids)) {
    try {
      service.withEntries(await readEntries(pack, missing));
    } catch (err) {
      console.warn('[Ordinance Lens] entries not read:', String(err));
    }
  }
}

type LookupOptions = Parameters<LookupService['lookup']>[1];

/**
 * A lookup whose shown entries are whole: ranked once over stubs (the same order as over whole
 * entries), then, if any hit is a stub, its entry is read and the lookup made again so what
 * matched in its points is found and its view has its text. Costs a second lookup only then.
 */
export async function lookupWhole(service: LookupService, text: string, opts: LookupOptions): Promise<LookupView> {
  const t0 = performance.now();
  const first = await lookupFilled(service, text, opts);
  // The rest of the index's shards, after this answer is sent (not beside the reads of its entries).
  const rest = () => setTimeout(() => void readAllShards(), 0);
  const ids = [...first.result.results, ...first.result.others].map((h) => h.id);
  if (!service.stubsAmong(ids).size) return (rest(), first);
  const t1 = performance.now();
  await wholeEntriesFor(service, ids);
  const t2 = performance.now();
  const view = service.lookup(text, opts);
  Object.assign(lastLoad, { lookupStartMs: Math.round(t0), firstLookupMs: Math.round(t1 - t0), entriesReadMs: Math.round(t2 - t1), secondLookupMs: Math.round(performance.now() - t2), answeredMs: Math.round(performance.now()) });
  rest();
  return view;
}

/** An entry's view with its text read (see lookupWhole). */
export async function entryViewWhole(service: LookupService, id: string): Promise<EntryView | null> {
  await wholeEntriesFor(service, [id]);
  return service.entryView(id);
}
