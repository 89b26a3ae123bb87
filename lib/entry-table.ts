/**
 * The lookup service's table of every searched entry: by id, by position in the index, who
 * links to it, and which imported entries were left out because an earlier pack has their id
 * (the bundled packs come first, so a bundled entry wins over an imported one with its id).
 */
import type { Entry, Pack } from '../core/schema/pack';
import { isStub } from '../core/pack/slim';

export interface Located {
  entry: Entry;
  pack: Pack;
  imported: boolean;
}

export interface EntryTable {
  /** Every entry in index order. */
  all: Entry[];
  locate(id: string): Located | undefined;
  positionOf(id: string): number | undefined;
  /** Ids of the entries that list `id` as related (curated entries list curated links only). */
  reverseOf(id: string): string[];
  /** Imported entries left out per pack (an earlier pack has their id). */
  hidden: Map<Pack, number>;
  /** Entries searched. */
  size: number;
  /** Some entry is still a stub (an index must not be built from it). */
  hasStubs(): boolean;
  /** Puts a whole entry in place of its stub; false if it is not a stub here. */
  replace(e: Entry): boolean;
}

export function entryTable(bundled: readonly Pack[], user: readonly Pack[]): EntryTable {
  const byId = new Map<string, Located>();
  const hidden = new Map<Pack, number>();
  const position = new Map<string, number>();
  const all: Entry[] = [];
  const add = (pack: Pack, imported: boolean) => {
    for (const entry of pack.entries) {
      if (byId.has(entry.id)) {
        hidden.set(pack, (hidden.get(pack) ?? 0) + 1);
        continue;
      }
      byId.set(entry.id, { entry, pack, imported });
      position.set(entry.id, all.length);
      all.push(entry);
    }
  };
  for (const pack of bundled) add(pack, false);
  for (const pack of user) add(pack, true);
  const reverse = reverseLinks(all, byId);
  return {
    all,
    locate: (id) => byId.get(id),
    positionOf: (id) => position.get(id),
    reverseOf: (id) => [...(reverse.get(id) ?? [])],
    hidden,
    size: byId.size,
    hasStubs: () => all.some(isStub),
    replace(e) {
      const found = byId.get(e.id);
      const at = position.get(e.id);
      if (!found || at === undefined || !isStub(found.entry)) return false;
      found.entry = e;
      all[at] = e;
      return true;
    },
  };
}

function reverseLinks(all: readonly Entry[], byId: Map<string, Located>): Map<string, string[]> {
  const reverse = new Map<string, string[]>();
  for (const e of all) {
    const fromImported = byId.get(e.id)!.imported;
    for (const r of e.related) {
      // Curated entries list curated links only.
      if (fromImported && byId.get(r)?.imported === false) continue;
      const list = reverse.get(r) ?? [];
      list.push(e.id);
      reverse.set(r, list);
    }
  }
  return reverse;
}
