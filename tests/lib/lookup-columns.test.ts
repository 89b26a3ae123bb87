/**
 * A large pack given to the lookup service as columns (what a restarted worker reads from
 * IndexedDB: core/pack/columns.ts): with the stored index it answers exactly as with the whole
 * pack (same hits, scores, labels and order, page context included), links entries both ways
 * as the whole pack does, shows an entry whole once read, and, when an earlier pack has one of
 * its ids, falls back to reading it entry by entry with the same answers.
 */
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../support/bundled';
import { createLookupService } from '../../lib/lookup-service';
import { toColumns } from '../../core/pack/columns';
import { columnEntries } from '../../core/pack/lazy-entries';
import { isStub } from '../../core/pack/slim';
import { parsePack } from '../../core/schema/parse-pack';
import type { Entry, Pack } from '../../core/schema/pack';
import type { LookupView } from '../../lib/messages';
import { syntheticEntries } from '../../scripts/commands/bench';
import { userPack } from './storage/pack-fixture';

const bundled = bundledPacks();
const parsedSmall = parsePack(userPack({ id: 'snow', entryIds: ['snow-1', 'syn-3'] }));
if (!parsedSmall.success) throw new Error('fixture pack does not parse');
const small: Pack = parsedSmall.data;

// Links inside the pack, to a bundled entry (not listed back: curated cards list curated links) and to the small pack.
const entries: Entry[] = syntheticEntries(1500, 7).map((e, i) => ({
  ...e,
  jurisdiction: i % 2 ? 'District of Columbia' : 'Saint Paul',
  related: i % 7 === 0 ? [`syn-${i + 1}`, `syn-${(i * 13) % 1500}`].filter((r) => r !== e.id) : i === 5 ? ['mpls-19.30', 'snow-1'] : [],
  // Half begin in 2025, after the dated page below (a page weighs down entries that began after it).
  dates: i % 2 ? [{ date: i % 4 === 1 ? '2025-06' : '2025', type: 'adopted' as const, what: 'Adopted.', confidence: 'primary' as const, sources: ['s1'] }] : [],
}));
const whole: Pack = { id: 'big', title: 'A big code', jurisdiction: 'District of Columbia', version: '1', asOf: '2026-06-30', schemaVersion: 1, changelog: [], entries };
const asColumns = (p: Pack): Pack => ({ ...p, entries: columnEntries(toColumns(p.entries)) });

const QUERIES: [string, Parameters<ReturnType<typeof createLookupService>['lookup']>[1]['context']?][] = [
  [entries[0]!.title],
  [entries[14]!.title],
  [entries[700]!.citation!],
  ['immigration detainer'],
  ['§ 19.30(a)(3)'],
  [entries[21]!.points[0]!.text],
  ['the ordinance', { title: 'District of Columbia council news', url: 'https://dc.example.org/news', text: 'The District of Columbia council passed it.' }],
  [entries[35]!.title, { title: 'Saint Paul council', url: 'https://stpaul.example.org', text: 'Saint Paul city council minutes.' }],
  [entries[36]!.title.split(' ').slice(0, 2).join(' '), { title: 'An old story', url: 'https://news.example.org/2017/03/story', text: 'From March 2017.' }],
];

const ranking = (v: LookupView) => [...v.result.results, ...v.result.others].map((h) => [h.id, h.score, h.confidence, h.via, h.pinpoint]);
const relatedOf = (s: ReturnType<typeof createLookupService>, id: string) => s.entryView(id)?.related.map((r) => [r.id, r.relation]);

function services(user: Pack[], columnsUser: Pack[]) {
  const built = createLookupService(bundled);
  built.setUserPacks(user);
  const fromColumns = createLookupService(bundled);
  fromColumns.setUserPacks(columnsUser, structuredClone(built.storedIndex()));
  return { built, fromColumns };
}

describe('a large pack as columns', () => {
  const { built, fromColumns } = services([whole], [asColumns(whole)]);

  it('answers from the stored index exactly as the whole pack does', () => {
    expect(fromColumns.size()).toBe(built.size());
    expect(fromColumns.indexSource()).toBe('cache');
    for (const [q, context] of QUERIES) {
      const opts = { citationStyle: 'short' as const, limit: 8, ...(context ? { context } : {}) };
      expect(ranking(fromColumns.lookup(q, opts)), q).toEqual(ranking(built.lookup(q, opts)));
    }
  });

  it('links entries both ways as the whole pack does', () => {
    for (const id of ['syn-0', 'syn-1', 'syn-5', 'syn-13', 'syn-14', 'mpls-19.30']) expect(relatedOf(fromColumns, id), id).toEqual(relatedOf(built, id));
    expect(relatedOf(fromColumns, 'syn-1')).toContainEqual(['syn-0', expect.any(String)]);
  });

  it('names the stubs shown and shows them whole once read', () => {
    const id = entries[14]!.id;
    expect(isStub(fromColumns.entryView(id)!.entry)).toBe(true);
    expect([...fromColumns.stubsAmong([id, 'mpls-19.30']).entries()]).toEqual([['big', [id]]]);
    fromColumns.withEntries([entries[14]!]);
    expect(fromColumns.stubsAmong([id]).size).toBe(0);
    expect(fromColumns.entryView(id)?.entry.points).toEqual(entries[14]!.points);
    expect(fromColumns.packs().find((p) => p.id === 'big')).toMatchObject({ entries: 1500, imported: true, hidden: 0 });
  });

  it('is read entry by entry, with the same answers, when an earlier pack has one of its ids', () => {
    const pair = services([small, whole], [small, asColumns(whole)]);
    expect(pair.fromColumns.indexSource()).toBe('none');
    expect(pair.fromColumns.size()).toBe(pair.built.size());
    expect(pair.fromColumns.indexSource()).toBe('cache');
    expect(pair.fromColumns.packs().find((p) => p.id === 'big')?.hidden).toBe(1);
    for (const [q] of QUERIES.slice(0, 4)) expect(ranking(pair.fromColumns.lookup(q, { citationStyle: 'short' })), q).toEqual(ranking(pair.built.lookup(q, { citationStyle: 'short' })));
  });
});
