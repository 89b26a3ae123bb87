/**
 * "What changed": one timeline across a pack, from every entry's dated history (adopted,
 * effective, amended, status changes, events, court actions), filterable by date range,
 * jurisdiction, entry kind and event type. Each dated fact appears once: the same fact recorded
 * word for word by two entries is one item naming both.
 *
 * Partial dates ("2003-06", "2025") sort first in their period (before "2003-06-01"), and a range
 * keeps a partial date whose period overlaps it (a "2025" event may fall after June 2025; it is
 * shown, and marked partial). Entries with no dated fact are listed apart, never given a date.
 */
import type { Confidence, DatedEvent, Entry, EntryKind } from '../schema/pack';
import { formatLongDate } from '../format/citation';
import { compareIsoDates } from './index';

export interface PackTimelineItem {
  /** ISO date as written ("2025-12-11", or partial: "2003-06", "2025"). */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** "December 11, 2025", "June 2003", "2025". */
  label: string;
  /** The entry the fact belongs to (the first, when several record it). */
  id: string;
  /** Every entry recording this fact word for word. */
  ids: string[];
  title: string;
  kind: EntryKind;
  jurisdiction: string;
  type: DatedEvent['type'];
  what: string;
  confidence: Confidence;
  /** After the pack's as-of date (scheduled, announced). */
  afterAsOf: boolean;
}

export interface UndatedEntry {
  id: string;
  title: string;
  kind: EntryKind;
  jurisdiction: string;
}

export interface PackTimeline {
  items: PackTimelineItem[];
  /** Entries of the selected kinds and places with no dated fact (terms are left out). */
  undated: UndatedEntry[];
}

export interface PackTimelineFilter {
  /** Inclusive; YYYY, YYYY-MM or YYYY-MM-DD. */
  since?: string;
  /** Inclusive; YYYY, YYYY-MM or YYYY-MM-DD. */
  until?: string;
  jurisdictions?: readonly string[];
  kinds?: readonly EntryKind[];
  types?: readonly DatedEvent['type'][];
  /** The pack's as-of date, to mark later items. */
  asOf?: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** True for a usable filter date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function isFilterDate(s: string): boolean {
  return DATE.test(s);
}

/** First and last day a (partial) date can mean: "2025" → 2025-01-01 … 2025-12-31. */
export function period(date: string): [string, string] {
  if (date.length === 10) return [date, date];
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [`${date}-01-01`, `${date}-12-31`];
}

/** Does the (partial) date's period overlap [since, until]? */
export function inRange(date: string, since?: string, until?: string): boolean {
  const [start, end] = period(date);
  if (since && end < period(since)[0]) return false;
  if (until && start > period(until)[1]) return false;
  return true;
}

const precisionOf = (d: string): PackTimelineItem['precision'] => (d.length === 10 ? 'day' : d.length === 7 ? 'month' : 'year');

export function buildPackTimeline(entries: readonly Entry[], filter: PackTimelineFilter = {}): PackTimeline {
  const places = filter.jurisdictions?.length ? new Set(filter.jurisdictions) : undefined;
  const kinds = filter.kinds?.length ? new Set<string>(filter.kinds) : undefined;
  const types = filter.types?.length ? new Set<string>(filter.types) : undefined;
  const byFact = new Map<string, PackTimelineItem>();
  const items: { item: PackTimelineItem; order: number }[] = [];
  const undated: UndatedEntry[] = [];
  let order = 0;
  for (const e of entries) {
    if (places && !places.has(e.jurisdiction)) continue;
    if (kinds && !kinds.has(e.kind)) continue;
    if (!e.dates.length) {
      if (e.kind !== 'term') undated.push({ id: e.id, title: e.title, kind: e.kind, jurisdiction: e.jurisdiction });
      continue;
    }
    for (const d of e.dates) {
      order++;
      if (types && !types.has(d.type)) continue;
      if (!inRange(d.date, filter.since, filter.until)) continue;
      const key = `${d.date}\u0000${d.what.trim().toLowerCase()}`;
      const same = byFact.get(key);
      if (same) {
        same.ids.push(e.id);
        continue;
      }
      const item: PackTimelineItem = {
        date: d.date,
        precision: precisionOf(d.date),
        label: formatLongDate(d.date),
        id: e.id,
        ids: [e.id],
        title: e.title,
        kind: e.kind,
        jurisdiction: e.jurisdiction,
        type: d.type,
        what: d.what,
        confidence: d.confidence,
        afterAsOf: filter.asOf !== undefined && compareIsoDates(period(d.date)[0], period(filter.asOf)[1]) > 0,
      };
      byFact.set(key, item);
      items.push({ item, order });
    }
  }
  // Lexical order of ISO dates puts "2003" before "2003-01" before "2003-01-01": partial dates first in their period.
  items.sort((a, b) => compareIsoDates(a.item.date, b.item.date) || a.order - b.order);
  return { items: items.map((x) => x.item), undated };
}

/** The jurisdictions and kinds present in dated entries, for the filter menus. */
export function timelineFacets(entries: readonly Entry[]): { jurisdictions: string[]; kinds: EntryKind[] } {
  const j = new Set<string>();
  const k = new Set<EntryKind>();
  for (const e of entries) {
    if (!e.dates.length) continue;
    j.add(e.jurisdiction);
    k.add(e.kind);
  }
  return { jurisdictions: [...j].sort(), kinds: [...k].sort() };
}
