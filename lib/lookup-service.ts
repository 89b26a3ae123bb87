/**
 * The background's lookup service: builds the index once per worker life (lazily, from the
 * bundled packs), answers lookups with full views of the confident answers, and resolves
 * related entries in both directions (term → governing law, section → chapter).
 *
 * Nothing that matters lives only here: a restarted worker rebuilds the index on first use.
 */
import type { Entry, EntryKind, Pack } from '../core/schema/pack';
import { buildIndex, lookup, type SearchIndex } from '../core/search/index';
import type { CitationStyle } from './storage/settings';
import { kindWordOf as kindWord } from './words';
import { MAX_SELECTION_CHARS, type EntryView, type LookupView, type RelatedLink } from './messages';

const LAW_KINDS: ReadonlySet<EntryKind> = new Set([
  'ordinance',
  'ordinance-section',
  'amendment',
  'executive-order',
  'police-policy',
  'statute',
  'regulation',
  'court-decision',
  'legal-opinion',
  'resolution',
]);

/** Why `other` is shown beside `from`, in the reader's words. */
export function relationOf(from: Entry, other: Entry): string {
  if (from.kind === 'term' && LAW_KINDS.has(other.kind)) return 'Governing law';
  if (from.kind === 'ordinance-section' && other.kind === 'ordinance') return 'Chapter';
  if (from.kind === 'ordinance' && other.kind === 'ordinance-section') return 'Section';
  if (other.kind === 'amendment') return 'Amendment';
  return kindWord(other.kind);
}

const RELATION_ORDER = ['Governing law', 'Chapter', 'Section', 'Amendment'];

interface Located {
  entry: Entry;
  pack: Pack;
}

export interface LookupService {
  lookup(text: string, opts: { limit?: number; citationStyle: CitationStyle }): LookupView;
  entryView(id: string): EntryView | null;
  /** Entry count, for diagnostics. */
  size(): number;
}

export function createLookupService(packs: readonly Pack[]): LookupService {
  let index: SearchIndex | undefined;
  let byId: Map<string, Located> | undefined;
  let reverse: Map<string, string[]> | undefined;

  function ensure(): SearchIndex {
    if (index) return index;
    byId = new Map();
    reverse = new Map();
    const all: Entry[] = [];
    for (const pack of packs) {
      for (const entry of pack.entries) {
        if (byId.has(entry.id)) continue;
        byId.set(entry.id, { entry, pack });
        all.push(entry);
      }
    }
    for (const e of all) {
      for (const r of e.related) {
        const list = reverse.get(r) ?? [];
        list.push(e.id);
        reverse.set(r, list);
      }
    }
    index = buildIndex(all);
    return index;
  }

  function entryView(id: string): EntryView | null {
    ensure();
    const found = byId!.get(id);
    if (!found) return null;
    const { entry, pack } = found;
    const ids = [...new Set([...entry.related, ...(reverse!.get(id) ?? [])])].filter((r) => r !== id);
    const related: RelatedLink[] = [];
    for (const rid of ids) {
      const other = byId!.get(rid)?.entry;
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
    related.sort((a, b) => rank(a) - rank(b));
    return { entry, packId: pack.id, packTitle: pack.title, asOf: pack.asOf, related };
  }

  return {
    size: () => {
      ensure();
      return byId!.size;
    },
    entryView,
    lookup(text, { limit, citationStyle }) {
      const t0 = performance.now();
      const idx = ensure();
      const result = lookup(idx, text.slice(0, MAX_SELECTION_CHARS), { limit: limit ?? 5 });
      if (text.length > MAX_SELECTION_CHARS) result.truncated = true;
      const views: Record<string, EntryView> = {};
      for (const hit of result.results.slice(0, 3)) {
        const v = entryView(hit.id);
        if (v) views[hit.id] = v;
      }
      return { result, views, citationStyle, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
    },
  };
}
