/** An entry as the card and the pages show it: with its pack and its related links, closest relation first. */
import type { Entry } from '../core/schema/pack';
import { relationOf, RELATION_ORDER } from '../core/view/words';
import type { EntryTable } from './entry-table';
import type { EntryView, RelatedLink } from './messages';

export function entryViewOf(table: EntryTable, id: string): EntryView | null {
  const found = table.locate(id);
  if (!found) return null;
  const { entry, pack, imported } = found;
  const related = relatedLinks(table, entry);
  return { entry, packId: pack.id, packTitle: pack.title, asOf: pack.asOf, related, ...(imported ? { imported: true } : {}) };
}

/** The entries it lists and those that list it, once each. */
function relatedLinks(table: EntryTable, entry: Entry): RelatedLink[] {
  const id = entry.id;
  const ids = [...new Set([...entry.related, ...table.reverseOf(id)])].filter((r) => r !== id);
  const related: RelatedLink[] = [];
  for (const rid of ids) {
    const other = table.locate(rid)?.entry;
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
