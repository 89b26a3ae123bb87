/**
 * The lookup service with a large pack as stubs (what a restarted worker falls back to when an
 * earlier pack has one of its ids; columns are the usual start: lookup-columns.test.ts):
 * it answers from the stored index, names the stubs a lookup shows so their text can be read,
 * shows them whole once read, and never builds an index from stubs (it would have no text).
 */
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../support/bundled';
import { createLookupService } from '../../lib/lookup-service';
import { slimEntry, stubEntry } from '../../core/pack/slim';
import { parsePack } from '../../core/schema/parse-pack';
import type { Pack } from '../../core/schema/pack';
import { userPack } from './storage/pack-fixture';

const bundled = bundledPacks();
const raw = userPack({ id: 'testville', title: 'Testville code', entryIds: ['tv-1', 'tv-2', 'tv-3'] });
const whole = parsePack(raw);
if (!whole.success) throw new Error('fixture pack does not parse');
const pack: Pack = whole.data;
const stubbed: Pack = { ...pack, entries: pack.entries.map((e) => stubEntry(slimEntry(e))) };

function storedIndexOf(p: Pack) {
  const s = createLookupService(bundled);
  s.setUserPacks([p]);
  return s.storedIndex();
}

describe('a large pack as stubs', () => {
  const index = storedIndexOf(pack);

  it('answers from the stored index and names the stubs shown', () => {
    const service = createLookupService(bundled);
    service.setUserPacks([stubbed], structuredClone(index));
    const view = service.lookup('Snowplow parking ban tv-2', { citationStyle: 'short' });
    expect(service.indexSource()).toBe('cache');
    expect(view.result.results[0]?.id).toBe('tv-2');
    expect(view.views['tv-2']?.entry.points).toEqual([]);
    expect([...service.stubsAmong(['tv-2', 'mpls-19.30']).entries()]).toEqual([['testville', ['tv-2']]]);
  });

  it('shows the whole entry once it is read, with what matched in its points', () => {
    const service = createLookupService(bundled);
    service.setUserPacks([stubbed], structuredClone(index));
    service.withEntries([pack.entries[1]!]);
    expect(service.stubsAmong(['tv-2'])).toEqual(new Map());
    const view = service.lookup('tow after 9 pm snowplow tv-2', { citationStyle: 'short' });
    const hit = [...view.result.results, ...view.result.others].find((h) => h.id === 'tv-2');
    expect(hit?.matched.some((m) => m.field === 'point')).toBe(true);
    expect(service.entryView('tv-2')?.entry.points[0]?.text).toBe('Tow after 9 pm.');
  });

  it('refuses to build an index from stubs when the stored one does not fit', () => {
    const service = createLookupService(bundled);
    service.setUserPacks([stubbed], storedIndexOf({ ...pack, entries: pack.entries.slice(1) }));
    expect(() => service.size()).toThrow(/stored index does not fit/);
  });
});
