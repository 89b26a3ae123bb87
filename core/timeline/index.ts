/**
 * An entry's dated history, oldest first, as the detail view shows it: each event with a
 * readable date, its kind, its confidence and its source numbers, plus markers for "the pack's
 * as-of date" so a reader sees what may have changed since.
 */
import type { Confidence, DatedEvent, Entry } from '../schema/pack';
import { formatLongDate } from '../format/citation';

export interface TimelineItem {
  /** ISO date as written (may be partial: "2003-06"). */
  date: string;
  /** "July 11, 2003" */
  label: string;
  year: string;
  type: DatedEvent['type'];
  what: string;
  confidence: Confidence;
  /** 1-based numbers of the entry's sources, as the card lists them. */
  sourceNumbers: number[];
  /** The event is dated after the pack's as-of date (announced, scheduled). */
  afterAsOf: boolean;
}

/** Compares partial ISO dates: "2003" sorts before "2003-01" and "2003-01-01". */
export function compareIsoDates(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

export function buildTimeline(entry: Pick<Entry, 'dates' | 'sources'>, asOf?: string): TimelineItem[] {
  const numberOf = (id: string) => entry.sources.findIndex((s) => s.id === id) + 1;
  return entry.dates
    .map((d, i) => ({ d, i }))
    .sort((x, y) => compareIsoDates(x.d.date, y.d.date) || x.i - y.i)
    .map(({ d }) => ({
      date: d.date,
      label: formatLongDate(d.date),
      year: d.date.slice(0, 4),
      type: d.type,
      what: d.what,
      confidence: d.confidence,
      sourceNumbers: d.sources.map(numberOf).filter((n) => n > 0),
      afterAsOf: asOf !== undefined && compareIsoDates(d.date, asOf) > 0,
    }));
}
