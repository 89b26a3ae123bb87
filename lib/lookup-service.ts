/**
 * The background's lookup service: builds the index once per worker life (lazily, from the
 * bundled packs and the packs the reader imported), answers lookups with full views of the
 * confident answers, and resolves related entries in both directions (term → governing law,
 * section → chapter).
 *
 * Imported packs (`setUserPacks`, rebuilt on next use): their entries are searched beside the
 * bundled ones, and every view of them names the pack (`EntryView.imported`, `LookupView.packOf`)
 * because they are not our curated data. Entry ids are unique across packs (import refuses a
 * pack that reuses one); should a later bundled pack take an id an imported pack already uses,
 * the bundled entry wins and the imported one is left out (counted in `packs()[i].hidden`).
 * An imported entry may link to a bundled one, but bundled entries do not list imported entries
 * among their related links (a curated card shows curated links only).
 *
 * Nothing that matters lives only here: a restarted worker loads the index again on first use
 * (the prebuilt one, the cached one, or built from the packs; `indexSource()` says which).
 */
import type { Entry, Pack } from '../core/schema/pack';
import type { LookupOptions as EngineOptions } from '../core/search/types';
import { buildIndex, setPackSizes, fromStoredIndex, isStoredIndex, loadIndex, lookup, serializeIndex, toStoredIndex, type LookupResult, type PageContext, type SearchIndex, type StoredIndex } from '../core/search/index';
import { isStub } from '../core/pack/slim';
import { isLargePack } from '../core/pack/large';
import { primeCaches } from '../core/search/start-caches';
import type { CitationStyle } from './storage/settings';
import type { Corpus } from './claims-service';
import { MAX_SELECTION_CHARS, type EntryView, type LookupView, type PackInfo } from './messages';
import { entryTable, type EntryTable } from './entry-table';
import { entryViewOf } from './entry-view';
import { bundledFirstOnTies } from './bundled-first';
import { buildTypeahead, isTypeaheadQuery, type TypeaheadIndex } from '../core/typeahead/index';

/**
 * fuse.js scans every title, alias and citation on each keystroke (≈ 5–10 ms for the bundled 126
 * entries on this machine): past this many entries (an imported code) as-you-type is left out
 * and the engine alone answers, as it does for longer text.
 */
const MAX_TYPEAHEAD_ENTRIES = 5000;

function tryLoad(serialized: string | StoredIndex, table: EntryTable): SearchIndex | undefined {
  try {
    return isStoredIndex(serialized) ? fromStoredIndex(serialized, table.all, table.fingerprint) : loadIndex(serialized, table.all);
  } catch (err) {
    console.warn('[Ordinance Lens] prebuilt index not used:', err);
    return undefined;
  }
}

export interface LookupService {
  /** `context`: the page around the selection, used for this lookup only (never kept). */
  /**
   * `typeahead`: the popup or side panel is asking as the reader types; a short query also gets
   * the entries its letters jump to (`LookupView.suggestions`, core/typeahead).
   */
  /** `pack`: search only the pack with this id (the popup's "Search in"; an id no pack has: every pack). */
  lookup(text: string, opts: { limit?: number; citationStyle: CitationStyle; context?: PageContext; typeahead?: boolean; pack?: string }): LookupView;
  entryView(id: string): EntryView | null;
  /** Entries searched (bundled and imported), for the storage line and diagnostics. */
  size(): number;
  /**
   * Replaces the imported packs; the index is rebuilt on next use, or loaded from `cachedIndex`
   * (an earlier `serializedIndex()` for the same packs) when it matches the entries.
   */
  setUserPacks(packs: readonly Pack[], cachedIndex?: string | StoredIndex): void;
  /** The current index, serialized (built first if needed), for the background's cache. */
  serializedIndex(): string;
  /** The current index in its stored form (IndexedDB: core/search/stored-index.ts). */
  storedIndex(): StoredIndex;
  /**
   * Of `ids`, those whose entry is still a stub (a large pack's entry in brief: lib/large-packs.ts),
   * by pack id: their text must be read (`withEntries`) before they are shown.
   */
  stubsAmong(ids: readonly string[]): Map<string, string[]>;
  /** Puts whole entries in place of their stubs (same ids; others are ignored). */
  withEntries(entries: readonly Entry[]): void;
  /** Where the current index came from: the build-time index, the cache, or built here. */
  indexSource(): IndexSource;
  /** The bundled packs, then the imported ones. */
  packs(): PackInfo[];
  /** Every entry id the bundled packs use (an imported pack may not reuse one). */
  bundledEntryIds(): string[];
  /** The bundled packs, for an index built elsewhere from the same packs (lib/large-pack-index.ts). */
  bundledPacks(): Pack[];
  /**
   * The index, every searched entry but the large packs' (named in `large`) and the bundled pack's
   * as-of date, for claim check and the timeline (lib/claims-service.ts, lib/claims-whole.ts).
   */
  corpus(): Corpus;
  /** Of `ids`, those of a large pack, in order, with their entry as it is now (a stub until read whole). */
  largeAmong(ids: readonly string[]): Entry[];
}

/**
 * `prebuiltIndex`: the bundled entries' index serialized at build time. Used while no pack is
 * imported (loading it is faster than building on a cold worker); if it does not match the
 * entries (loadIndex checks a fingerprint) the index is built instead.
 */
export type IndexSource = 'prebuilt' | 'cache' | 'built' | 'none';

export function createLookupService(packs: readonly Pack[], prebuiltIndex?: string): LookupService {
  let index: SearchIndex | undefined;
  let source: IndexSource = 'none';
  let cached: string | StoredIndex | undefined;
  let table: EntryTable = entryTable([], []);
  let userPacks: readonly Pack[] = [];
  // What corpus() gives, made once per entry table (claim check's word statistics are kept per array).
  let texts: ({ table: EntryTable } & ReturnType<typeof textEntries>) | undefined;
  // Built on the first as-you-type query after the pack set changes, never during a card's lookup.
  let typeahead: TypeaheadIndex | undefined;

  function ensureTypeahead(): TypeaheadIndex | undefined {
    ensure();
    if (table.all.length > MAX_TYPEAHEAD_ENTRIES) return undefined;
    return (typeahead ??= buildTypeahead(table.all));
  }

  function ensure(): SearchIndex {
    if (index) return index;
    const t = (table = entryTable(packs, userPacks));
    const ready = userPacks.length ? cached : prebuiltIndex;
    const loaded = ready ? tryLoad(ready, t) : undefined;
    // Stubs carry no text: an index built from them would find nothing in it.
    if (!loaded && t.hasStubs()) throw new Error('the stored index does not fit the packs');
    source = loaded ? (userPacks.length ? 'cache' : 'prebuilt') : 'built';
    index = loaded ?? buildIndex(t.all);
    setPackSizes(index, t.packSizes);
    // Large packs as columns: the engine's per-entry caches from the columns, not from every entry.
    if (t.segments.length) primeCaches(index, t.prefixLength, t.segments, t.positionOf);
    return index;
  }

  return {
    size: () => {
      ensure();
      return table.size;
    },
    setUserPacks(next, cachedIndex) {
      userPacks = next;
      cached = cachedIndex;
      index = undefined;
      typeahead = undefined;
      source = 'none';
    },
    serializedIndex: () => JSON.stringify(serializeIndex(ensure())),
    storedIndex: () => toStoredIndex(ensure(), table.fingerprint),
    stubsAmong(ids) {
      ensure();
      return stubsAmong(table, ids);
    },
    withEntries(entries) {
      ensure();
      for (const e of entries) table.replace(e);
    },
    indexSource: () => source,
    packs() {
      ensure();
      return [...packs.map((p) => packInfo(table, p, false)), ...userPacks.map((p) => packInfo(table, p, true))];
    },
    bundledEntryIds: () => packs.flatMap((p) => p.entries.map((e) => e.id)),
    bundledPacks: () => [...packs],
    corpus() {
      const idx = ensure();
      if (texts?.table !== table) texts = { table, ...textEntries(table, userPacks) };
      return { index: idx, entries: texts.entries, large: texts.large, asOf: packs[0]?.asOf ?? '', packOf: texts.packOf };
    },
    largeAmong(ids) {
      ensure();
      return ids.flatMap((id) => {
        const found = table.locate(id);
        return found && isLargePack(found.pack) ? [found.entry] : [];
      });
    },
    entryView(id) {
      ensure();
      return entryViewOf(table, id);
    },
    lookup(text, opts) {
      const t0 = performance.now();
      const idx = ensure();
      return lookupView(idx, table, text, opts, { t0, imported: userPacks.length > 0, typeahead: ensureTypeahead });
    },
  };
}

type LookupOptions = Parameters<LookupService['lookup']>[1];

/** The engine's answer with full views of the first three hits, the imported packs named. */
function lookupView(idx: SearchIndex, table: EntryTable, text: string, opts: LookupOptions, more: { t0: number; imported: boolean; typeahead: () => TypeaheadIndex | undefined }): LookupView {
  const { limit, citationStyle, context, typeahead: asYouType } = opts;
  const only = opts.pack === undefined ? [] : table.packIds.flatMap((id, i) => (id === opts.pack ? [i] : []));
  const inPack = (id: string) => !only.length || table.locate(id)?.pack.id === opts.pack;
  let { result, degraded } = safeLookup(idx, text, { limit: limit ?? 5, ...(context ? { context } : {}), ...(only.length ? { packs: only } : {}) });
  if (text.length > MAX_SELECTION_CHARS) result.truncated = true;
  if (more.imported) {
    const isImported = (id: string) => table.locate(id)?.imported === true;
    result = { ...result, results: bundledFirstOnTies(result.results, isImported), others: bundledFirstOnTies(result.others, isImported) };
  }
  const views: Record<string, EntryView> = {};
  for (const hit of result.results.slice(0, 3)) {
    const v = entryViewOf(table, hit.id);
    if (v) views[hit.id] = v;
  }
  const suggestions = asYouType && isTypeaheadQuery(text) ? more.typeahead()?.search(text, limit ?? 8).filter((s) => inPack(s.id)) : undefined;
  let packOf: Record<string, string> | undefined;
  for (const hit of [...result.results, ...result.others, ...(suggestions ?? [])]) {
    const found = table.locate(hit.id);
    if (found?.imported) (packOf ??= {})[hit.id] = found.pack.title;
  }
  return {
    result,
    views,
    citationStyle,
    tookMs: Math.round((performance.now() - more.t0) * 10) / 10,
    ...(suggestions ? { suggestions } : {}),
    ...(packOf ? { packOf } : {}),
    ...(degraded ? { degraded: true as const } : {}),
    packCount: table.packIds.length,
    ...(opts.pack !== undefined && !only.length ? { packGone: true as const } : {}),
  };
}

function safeLookup(idx: SearchIndex, text: string, options: EngineOptions): { result: LookupResult; degraded: boolean } {
  try {
    return { result: lookup(idx, text.slice(0, MAX_SELECTION_CHARS), options), degraded: false };
  } catch (err) {
    // The safety net for readers: an engine bug gives an empty answer marked `degraded`
    // (the card says the lookup failed), never a page error. Tests call the engine directly,
    // so the bug still fails them.
    console.warn('[Ordinance Lens] lookup failed:', err);
    return { result: { query: text.slice(0, 2000), mode: 'empty', results: [], others: [], unknownCitations: [], truncated: false }, degraded: true };
  }
}

function stubsAmong(table: EntryTable, ids: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const found = table.locate(id);
    if (found && isStub(found.entry)) out.set(found.pack.id, [...(out.get(found.pack.id) ?? []), id]);
  }
  return out;
}

/**
 * The entries claim check and the timeline read whole (every pack's but the large ones: 21,163
 * sections of a code would make every stub and give them no text), and the large packs left out.
 * Without a large pack, the table's own list (the same array: its statistics stay memoized).
 */
function textEntries(table: EntryTable, user: readonly Pack[]): Required<Pick<Corpus, 'entries' | 'large' | 'packOf'>> {
  const packOf = (id: string) => {
    const found = table.locate(id);
    return found?.imported ? found.pack.title : undefined;
  };
  const large = user.filter(isLargePack);
  if (!large.length) return { entries: table.all, large: [], packOf };
  const inLarge = (e: Entry) => {
    const p = table.locate(e.id)?.pack;
    return !!p && large.includes(p);
  };
  const entries = table.all.slice(0, table.prefixLength).filter((e) => !inLarge(e));
  return { entries, large: large.map((p) => ({ id: p.id, title: p.title, entries: p.entries.length, position: table.packIds.indexOf(p.id) })), packOf };
}

function packInfo(table: EntryTable, p: Pack, imported: boolean): PackInfo {
  return { id: p.id, title: p.title, version: p.version, asOf: p.asOf, entries: p.entries.length, imported, hidden: table.hidden.get(p) ?? 0 };
}
