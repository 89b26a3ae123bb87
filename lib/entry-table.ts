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
import { combineFingerprints, findId, idAt, linkersOf, relatedAt, runFingerprint } from '../core/pack/columns';
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
  /** Each pack's entries' fingerprint, combined (what the stored index is checked against). */
  fingerprint: string;
  /** Some entry is still a stub (an index must not be built from it). */
  hasStubs(): boolean;
  /** Puts a whole entry in place of its stub; false if it is not a stub here. */
  replace(e: Entry): boolean;
}

export function entryTable(bundled: readonly Pack[], user: readonly Pack[]): EntryTable {
  const byId = new Map<string, Located>();
  const reverse = new Map<string, string[]>();
  const hidden = new Map<Pack, number>();
  const position = new Map<string, number>();
  const prefix: Entry[] = [];
  const runs: string[] = [];
  const add = (pack: Pack, imported: boolean) => {
    const added: Entry[] = [];
    for (const entry of pack.entries) {
      if (byId.has(entry.id)) {
        hidden.set(pack, (hidden.get(pack) ?? 0) + 1);
        continue;
      }
      byId.set(entry.id, { entry, pack, imported });
      position.set(entry.id, prefix.length);
      prefix.push(entry);
      added.push(entry);
    }
    runs.push(runFingerprint(added));
  };
  for (const pack of bundled) add(pack, false);
  // The trailing packs given as columns stay unread, unless an earlier entry has one of their ids.
  let from = user.length;
  while (from > 0 && columnsOf(user[from - 1]!.entries)) from--;
  for (const pack of user.slice(0, from)) add(pack, true);
  let columns = user.slice(from).map((p) => columnsOf(p.entries)!);
  if (columns.length && [...byId.keys()].some((id) => columns.some((c) => findId(c, id) >= 0))) {
    for (const pack of user.slice(from)) add(pack, true);
    from = user.length;
    columns = [];
  }
  const lazyPacks = user.slice(from);
  const segments = segmentsAfter(prefix.length, columns);
  runs.push(...columns.map((c) => c.fingerprint));
  const all = segments.length ? lazyEntries(prefix, segments) : prefix;

  const locate = (id: string): Located | undefined => {
    const found = byId.get(id);
    if (found) return found;
    for (let k = 0; k < segments.length; k++) {
      const s = segments[k]!;
      const i = findId(s.columns, id);
      if (i >= 0) return { entry: all[s.offset + i]!, pack: lazyPacks[k]!, imported: true };
    }
    return undefined;
  };
  const positionOf = (id: string): number | undefined => {
    const at = position.get(id);
    if (at !== undefined) return at;
    for (const s of segments) {
      const i = findId(s.columns, id);
      if (i >= 0) return s.offset + i;
    }
    return undefined;
  };
  const link = (from: string, fromImported: boolean, to: string) => {
    // Curated entries list curated links only.
    if (fromImported && byId.get(to)?.imported === false) return;
    const list = reverse.get(to) ?? [];
    list.push(from);
    reverse.set(to, list);
  };
  for (const e of prefix) for (const r of e.related) link(e.id, byId.get(e.id)!.imported, r);
  for (const { columns: c } of segments) {
    for (const i of c.linksOut) {
      const id = idAt(c, i);
      for (const r of relatedAt(c, i)) if (findId(c, r) < 0) link(id, true, r);
    }
  }
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
    prefixLength: prefix.length,
    segments,
    locate,
    positionOf,
    reverseOf,
    hidden,
    size: byId.size + columns.reduce((n, c) => n + c.count, 0),
    fingerprint: combineFingerprints(runs),
    hasStubs: () => segments.length > 0 || prefix.some(isStub),
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
