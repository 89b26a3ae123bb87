/**
 * The lookup service's table of every searched entry: by id, by position in the index, who
 * links to it, and which imported entries were left out because an earlier pack has their id.
 *
 * Bundled and small imported packs are read entry by entry (a few hundred). A large pack given
 * as columns (core/pack/lazy-entries.ts: `columnEntries`) is not: its entries are found by
 * binary search in its sorted ids, its reverse links were stored at import, and its entries
 * are made only when read, so a restarted worker does no work per section of a whole code.
 * Such packs are taken unread only at the end of the list and only when no earlier pack has
 * one of their ids (an import refuses that; an extension update adding such an id could cause
 * it): otherwise they are read entry by entry like the others, hidden entries and all.
 */
import type { Entry, Pack } from '../core/schema/pack';
import { isStub } from '../core/pack/slim';
import { combineFingerprints, findId, idAt, linkersOf, relatedAt, runFingerprint, type PackColumns } from '../core/pack/columns';
import { columnsOf, lazyEntries, segmentsAfter, type ColumnSegment } from '../core/pack/lazy-entries';

export interface Located {
  entry: Entry;
  pack: Pack;
  imported: boolean;
}

export interface EntryTable {
  /** Every entry in index order (large packs' entries made when read). */
  all: Entry[];
  /** Entries before the column segments (read whole or as stubs). */
  prefixLength: number;
  segments: ColumnSegment[];
  locate(id: string): Located | undefined;
  positionOf(id: string): number | undefined;
  /** Ids of the entries that list `id` as related (curated entries list curated links only). */
  reverseOf(id: string): string[];
  /** Imported entries left out per pack (an earlier pack has their id). */
  hidden: Map<Pack, number>;
  /** Entries searched. */
  size: number;
  /** Entries each pack adds, in index order (the engine knows words per pack: core/search/pack-groups.ts). */
  packSizes: number[];
  /** The id of each pack of `packSizes`, in the same order. */
  packIds: string[];
  /** Each pack's entries' fingerprint, combined (what the stored index is checked against). */
  fingerprint: string;
  /** Some entry is still a stub (an index must not be built from it). */
  hasStubs(): boolean;
  /** Puts a whole entry in place of its stub; false if it is not a stub here. */
  replace(e: Entry): boolean;
}

/** Bundled and small packs entry by entry; the first pack with an id keeps it. */
class ReadEntries {
  readonly byId = new Map<string, Located>();
  readonly hidden = new Map<Pack, number>();
  readonly position = new Map<string, number>();
  readonly list: Entry[] = [];
  /** Each pack's fingerprint (of the entries it added), in order. */
  readonly runs: string[] = [];
  /** How many entries each pack added, and its id, in order. */
  readonly sizes: number[] = [];
  readonly ids: string[] = [];

  add(pack: Pack, imported: boolean): void {
    const added: Entry[] = [];
    for (const entry of pack.entries) {
      if (this.byId.has(entry.id)) {
        this.hidden.set(pack, (this.hidden.get(pack) ?? 0) + 1);
        continue;
      }
      this.byId.set(entry.id, { entry, pack, imported });
      this.position.set(entry.id, this.list.length);
      this.list.push(entry);
      added.push(entry);
    }
    this.runs.push(runFingerprint(added));
    this.sizes.push(added.length);
    this.ids.push(pack.id);
  }
}

/** Reads the packs; returns the trailing packs left unread (as columns) and their columns. */
function readPacks(read: ReadEntries, bundled: readonly Pack[], user: readonly Pack[]): { packs: Pack[]; columns: PackColumns[] } {
  for (const pack of bundled) read.add(pack, false);
  let from = user.length;
  while (from > 0 && columnsOf(user[from - 1]!.entries)) from--;
  for (const pack of user.slice(0, from)) read.add(pack, true);
  const columns = user.slice(from).map((p) => columnsOf(p.entries)!);
  // An earlier entry has one of their ids: read them too, so the earlier one wins as usual.
  if (columns.length && [...read.byId.keys()].some((id) => columns.some((c) => findId(c, id) >= 0))) {
    for (const pack of user.slice(from)) read.add(pack, true);
    return { packs: [], columns: [] };
  }
  return { packs: user.slice(from), columns };
}

/** Who links to whom, for the read entries and the unread packs' links out of their pack. */
function reverseLinks(read: ReadEntries, segments: readonly ColumnSegment[]): Map<string, string[]> {
  const reverse = new Map<string, string[]>();
  const link = (from: string, fromImported: boolean, to: string) => {
    // Curated entries list curated links only.
    if (fromImported && read.byId.get(to)?.imported === false) return;
    const list = reverse.get(to) ?? [];
    list.push(from);
    reverse.set(to, list);
  };
  for (const e of read.list) for (const r of e.related) link(e.id, read.byId.get(e.id)!.imported, r);
  for (const { columns: c } of segments) {
    for (const i of c.linksOut) {
      const id = idAt(c, i);
      for (const r of relatedAt(c, i)) if (findId(c, r) < 0) link(id, true, r);
    }
  }
  return reverse;
}

/** Position of `id` among the unread packs' entries, and its segment's number. */
function findInSegments(segments: readonly ColumnSegment[], id: string): { at: number; k: number } | undefined {
  for (let k = 0; k < segments.length; k++) {
    const i = findId(segments[k]!.columns, id);
    if (i >= 0) return { at: segments[k]!.offset + i, k };
  }
  return undefined;
}

export function entryTable(bundled: readonly Pack[], user: readonly Pack[]): EntryTable {
  const read = new ReadEntries();
  const unread = readPacks(read, bundled, user);
  const segments = segmentsAfter(read.list.length, unread.columns);
  const all = segments.length ? lazyEntries(read.list, segments) : read.list;
  const reverse = reverseLinks(read, segments);
  const locate = (id: string): Located | undefined => {
    const found = read.byId.get(id);
    if (found) return found;
    const s = findInSegments(segments, id);
    return s && { entry: all[s.at]!, pack: unread.packs[s.k]!, imported: true };
  };
  const positionOf = (id: string): number | undefined => read.position.get(id) ?? findInSegments(segments, id)?.at;
  const reverseOf = (id: string): string[] => {
    const out = [...(reverse.get(id) ?? [])];
    for (const { columns: c } of segments) {
      const i = findId(c, id);
      if (i >= 0) for (const j of linkersOf(c, i)) out.push(idAt(c, j));
    }
    return out;
  };
  return {
    all,
    prefixLength: read.list.length,
    segments,
    locate,
    positionOf,
    reverseOf,
    hidden: read.hidden,
    size: read.byId.size + unread.columns.reduce((n, c) => n + c.count, 0),
    packSizes: [...read.sizes, ...unread.columns.map((c) => c.count)],
    packIds: [...read.ids, ...unread.packs.map((p) => p.id)],
    fingerprint: combineFingerprints([...read.runs, ...unread.columns.map((c) => c.fingerprint)]),
    hasStubs: () => segments.length > 0 || read.list.some(isStub),
    replace(e) {
      const found = locate(e.id);
      const at = positionOf(e.id);
      if (!found || at === undefined || !isStub(found.entry)) return false;
      found.entry = e;
      all[at] = e;
      return true;
    },
  };
}
