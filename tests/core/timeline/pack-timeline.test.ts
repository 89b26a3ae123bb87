/** The pack-wide timeline: order (partial dates first in their period), ranges, filters, every dated fact once. */
import { describe, expect, it } from 'vitest';
import { buildPackTimeline, inRange, period } from '../../../core/timeline/pack';
import { buildTimeline } from '../../../core/timeline/index';
import type { DatedEvent, Entry } from '../../../core/schema/pack';
import { bundledPacks } from '../../support/bundled';

const src = [{ id: 's1', url: 'https://example.org', publisher: 'City', type: 'primary' as const }];
const ev = (date: string, what: string, type: DatedEvent['type'] = 'event'): DatedEvent => ({ date, type, what, confidence: 'primary', sources: ['s1'] });
const entry = (id: string, dates: DatedEvent[], over: Partial<Entry> = {}): Entry => ({
  id,
  kind: 'ordinance',
  jurisdiction: 'Testville',
  title: id,
  aliases: [],
  summary: 's',
  points: [],
  exceptions: [],
  dates,
  status: 'in-force',
  sources: src,
  related: [],
  openQuestions: [],
  keywords: [],
  ...over,
});

const entries = [
  entry('b', [ev('2025-12-11', 'Amended.', 'amended'), ev('2003-06-15', 'Adopted.', 'adopted')]),
  entry('a', [ev('2003-06', 'Passed in June.'), ev('2003', 'Sometime in 2003.'), ev('2025-12-11', 'Amended.', 'amended')]),
  entry('c', [ev('2024-02-29', 'Leap day event.')], { jurisdiction: 'Otherville', kind: 'court-decision' }),
  entry('term-x', [], { kind: 'term' }),
  entry('undated-law', []),
];

describe('buildPackTimeline', () => {
  it('orders by date, partial dates first in their period', () => {
    const t = buildPackTimeline(entries);
    expect(t.items.map((x) => x.date)).toEqual(['2003', '2003-06', '2003-06-15', '2024-02-29', '2025-12-11']);
    expect(t.items.map((x) => x.precision)).toEqual(['year', 'month', 'day', 'day', 'day']);
    expect(t.items[1]!.label).toBe('June 2003');
  });

  it('lists each dated fact once; the same fact recorded by two entries is one item naming both', () => {
    const t = buildPackTimeline(entries);
    const amended = t.items.filter((x) => x.date === '2025-12-11');
    expect(amended).toHaveLength(1);
    expect(amended[0]!.ids.sort()).toEqual(['a', 'b']);
  });

  it('lists entries with no dated fact apart, leaving terms out', () => {
    expect(buildPackTimeline(entries).undated.map((u) => u.id)).toEqual(['undated-law']);
  });

  it('keeps items in an inclusive range, and partial dates whose period overlaps it', () => {
    expect(buildPackTimeline(entries, { since: '2024' }).items.map((x) => x.date)).toEqual(['2024-02-29', '2025-12-11']);
    expect(buildPackTimeline(entries, { until: '2003-05' }).items.map((x) => x.date)).toEqual(['2003']);
    expect(buildPackTimeline(entries, { since: '2003-06-15', until: '2003-06-15' }).items.map((x) => x.date)).toEqual(['2003', '2003-06', '2003-06-15']);
    expect(buildPackTimeline(entries, { since: '2024-03', until: '2025-11-30' }).items).toEqual([]);
  });

  it('filters by jurisdiction, kind and event type', () => {
    expect(buildPackTimeline(entries, { jurisdictions: ['Otherville'] }).items.map((x) => x.id)).toEqual(['c']);
    expect(buildPackTimeline(entries, { kinds: ['court-decision'] }).items.map((x) => x.id)).toEqual(['c']);
    expect(buildPackTimeline(entries, { types: ['adopted'] }).items.map((x) => x.what)).toEqual(['Adopted.']);
  });

  it('marks items after the as-of date', () => {
    const t = buildPackTimeline(entries, { asOf: '2025-01-01' });
    expect(t.items.filter((x) => x.afterAsOf).map((x) => x.date)).toEqual(['2025-12-11']);
  });

  it('keeps the per-entry timeline as it was', () => {
    expect(buildTimeline(entries[1]!).map((x) => x.date)).toEqual(['2003', '2003-06', '2025-12-11']);
  });
});

describe('period and inRange', () => {
  it('reads partial dates as periods', () => {
    expect(period('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(period('2025')).toEqual(['2025-01-01', '2025-12-31']);
    expect(inRange('2025', '2025-06-01')).toBe(true);
    expect(inRange('2025-05', '2025-06-01')).toBe(false);
  });
});

describe('the bundled pack timeline', () => {
  const pack = bundledPacks()[0]!;
  const t = buildPackTimeline(pack.entries, { asOf: pack.asOf });

  it('holds every dated fact of every entry exactly once', () => {
    const facts = pack.entries.flatMap((e) => e.dates.map((d) => `${e.id}|${d.date}|${d.what}`));
    const listed = t.items.flatMap((x) => x.ids.map((id) => `${id}|${x.date}|${x.what}`));
    expect(listed.sort()).toEqual(facts.sort());
  });

  it('is in date order', () => {
    const dates = t.items.map((x) => x.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('shows the December 11, 2025 update of Chapter 19 "since 2024"', () => {
    const since = buildPackTimeline(pack.entries, { since: '2024' });
    expect(since.items.some((x) => x.date === '2025-12-11' && x.ids.includes('mpls-ch19-2025'))).toBe(true);
    expect(since.items.every((x) => x.date.slice(0, 4) >= '2024')).toBe(true);
  });
});
