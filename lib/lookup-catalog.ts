/**
 * The entries the lookup service searches, by id: the bundled packs first, then the imported
 * ones; an imported entry whose id a bundled (or earlier) pack already uses is left out and
 * counted per pack. Also the related links in both directions and each entry's full view.
 */
import type { Entry, Pack } from '../core/schema/pack';
import { relationOf, RELATION_ORDER } from '../core/view/words';
import type { EntryView, RelatedLink } from './messages';

export interface Located {
  entry: Entry;
  pack: Pack;
  imported: boolean;
}

export interface Catalog {
  byId: Map<string, Located>;
  /** Entries that list an id among their related links, by that id. */
  reverse: Map<string, string[]>;
  /** Entries left out of each pack (their id was taken). */
  hidden: Map<Pack, number>;
  /** Each entry's position in `all`. */
  position: Map<string, number>;
  /** Every searched entry, in index order. */
  all: Entry[];
}

export function catalogOf(bundled: readonly Pack[], imported: readonly Pack[]): Catalog {
  const cat: Catalog = { byId: new Map(), reverse: new Map(), hidden: new Map(), position: new Map(), all: [] };
  for (const pack of bundled) addPack(cat, pack, false);
  for (const pack of imported) addPack(cat, pack, true);
  for (const e of cat.all) {
    const fromImported = cat.byId.get(e.id)!.imported;
    for (const r of e.related) {
      // Curated entries list curated links only.
      if (fromImported && cat.byId.get(r)?.imported === false) continue;
      const list = cat.reverse.get(r) ?? [];
      list.push(e.id);
      cat.reverse.set(r, list);
    }
  }
  return cat;
}

function addPack(cat: Catalog, pack: Pack, imported: boolean): void {
  for (const entry of pack.entries) {
    if (cat.byId.has(entry.id)) {
      cat.hidden.set(pack, (cat.hidden.get(pack) ?? 0) + 1);
      continue;
    }
    cat.byId.set(entry.id, { entry, pack, imported });
    cat.position.set(entry.id, cat.all.length);
    cat.all.push(entry);
  }
}

/** The entry with its pack and its related links (listed by it or listing it), closest relation first. */
export function entryViewOf(cat: Catalog, id: string): EntryView | null {
  const found = cat.byId.get(id);
  if (!found) return null;
  const { entry, pack, imported } = found;
  const related = relatedLinks(cat, entry);
  return { entry, packId: pack.id, packTitle: pack.title, asOf: pack.asOf, related, ...(imported ? { imported: true } : {}) };
}

function relatedLinks(cat: Catalog, entry: Entry): RelatedLink[] {
  const id = entry.id;
  const ids = [...new Set([...entry.related, ...(cat.reverse.get(id) ?? [])])].filter((r) => r !== id);
  const related: RelatedLink[] = [];
  for (const rid of ids) {
    const other = cat.byId.get(rid)?.entry;
    if (!other) continue;
    related.push({
      id: other.id,
      title: other.title,
      ...(other.citation ? { citation: other.citation } : {}),
      kind: other.kind,
      status: other.status,
      relation: relationOf(entry, other),
    });
  }
  const rank = (r: RelatedLink) => {
    const i = RELATION_ORDER.indexOf(r.relation);
    return i < 0 ? RELATION_ORDER.length : i;
  };
  return related.sort((a, b) => rank(a) - rank(b));
}
