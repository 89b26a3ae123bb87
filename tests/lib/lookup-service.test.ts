/** The background's index with imported packs beside the bundled one. */
import { describe, expect, it, vi } from 'vitest';
import { PackSchema, type Pack } from '../../core/schema/pack';
import { bundledPacks } from '../support/bundled';
import { createLookupService } from '../../lib/lookup-service';
import { serializeBundledIndex } from '../../scripts/lib/vite-packs-plugin';
import { userPack } from './storage/pack-fixture';

const bundled = bundledPacks();
const imported = (over: Parameters<typeof userPack>[0] = {}): Pack => PackSchema.parse(userPack(over));
const opts = { citationStyle: 'short' as const };

describe('lookup service with imported packs', () => {
  it('finds an entry only an imported pack has, and names the pack in every view of it', () => {
    const service = createLookupService(bundled);
    expect(service.lookup('snowplow parking ban', opts).result.results.map((h) => h.id)).not.toContain('snow-1');
    service.setUserPacks([imported()]);
    const view = service.lookup('snowplow parking ban', opts);
    expect(view.result.results[0]?.id).toBe('snow-1');
    expect(view.packOf).toEqual({ 'snow-1': 'Snow emergency rules' });
    expect(view.views['snow-1']).toMatchObject({ imported: true, packId: 'snow', packTitle: 'Snow emergency rules', asOf: '2026-01-15' });
    // Bundled answers are not marked.
    const bundledView = service.lookup('§ 19.30', opts);
    expect(bundledView.result.results[0]?.id).toBe('mpls-19.30');
    expect(bundledView.views['mpls-19.30']?.imported).toBeUndefined();
    expect(bundledView.packOf).toBeUndefined();
  });

  it('an imported pack that knows everyday words does not make page furniture a bundled answer', () => {
    const words = ['distributed', 'public', 'release', 'news', 'posted', 'questions', 'information', 'involved', 'share', 'seal', 'living', 'more', 'than'];
    const ids = Array.from({ length: 300 }, (_, i) => `board-${i}`);
    const pack = imported({ id: 'board', title: 'Board rules', entryIds: ids });
    pack.entries.forEach((e, i) => {
      e.title = `Board section ${i}`;
      e.summary = `Rules on ${words[i % words.length]} records and ${words[(i * 7) % words.length]} notices of the board.`;
      e.points[0]!.text = `The board keeps ${words[(i * 3) % words.length]} files.`;
    });
    const service = createLookupService(bundled);
    service.setUserPacks([pack]);
    expect(service.lookup('Seal of the City of Minneapolis, MN', opts).result.results).toEqual([]);
    expect(service.lookup('separation ordinance', opts).result.results[0]?.id).toBe('mpls-ch19');
  });

  it('searches one pack when asked (the popup\'s "Search in"), suggestions too', () => {
    const service = createLookupService(bundled);
    service.setUserPacks([imported()]);
    const ids = (q: string, pack?: string) => {
      const v = service.lookup(q, { ...opts, typeahead: true, ...(pack ? { pack } : {}) });
      return [...v.result.results, ...v.result.others, ...(v.suggestions ?? [])].map((h) => h.id);
    };
    expect(ids('snowplow parking ban', 'snow')[0]).toBe('snow-1');
    expect(ids('snowplow parking ban', bundled[0]!.id)).not.toContain('snow-1');
    expect(ids('separation ordinance', 'snow').filter((id) => id !== 'snow-1')).toEqual([]);
    expect(ids('separation ordinance', bundled[0]!.id)[0]).toBe('mpls-ch19');
    // A pack removed since the popup listed it: every pack is searched, and the view says so.
    expect(ids('separation ordinance', 'gone')[0]).toBe('mpls-ch19');
    expect(service.lookup('separation ordinance', { ...opts, pack: 'gone' }).packGone).toBe(true);
    expect(service.lookup('separation ordinance', { ...opts, pack: 'snow' }).packGone).toBeUndefined();
    expect(service.lookup('separation ordinance', opts).packCount).toBe(bundled.length + 1);
  });

  it('"Search in" finds the one pack asked for among forty, and nothing in a pack whose entries are all hidden', () => {
    const service = createLookupService(bundled);
    const many = Array.from({ length: 40 }, (_, i) => imported({ id: `p${i}`, title: `Pack ${i}`, entryIds: [`p${i}-e`] }));
    const clash = imported({ id: 'clash', title: 'Clash', entryIds: ['mpls-19.30'] });
    service.setUserPacks([...many, clash]);
    const ids = (q: string, pack: string) => {
      const v = service.lookup(q, { ...opts, pack, limit: 50 });
      return [...v.result.results, ...v.result.others].map((h) => h.id);
    };
    expect(ids('snowplow parking ban', 'p35')).toEqual(['p35-e']);
    expect(ids('snowplow parking ban', 'p3')).toEqual(['p3-e']);
    expect(ids('§ 19.30', 'clash')).toEqual([]);
  });

  it('forgets a removed pack', () => {
    const service = createLookupService(bundled);
    service.setUserPacks([imported()]);
    expect(service.entryView('snow-1')).not.toBeNull();
    service.setUserPacks([]);
    expect(service.entryView('snow-1')).toBeNull();
    expect(service.lookup('snowplow parking ban', opts).result.results.map((h) => h.id)).not.toContain('snow-1');
  });

  it('lists the packs with entry counts; an id a bundled pack also uses is left out and counted', () => {
    const service = createLookupService(bundled);
    service.setUserPacks([imported({ entryIds: ['snow-1', 'mpls-19.30'] })]);
    const packs = service.packs();
    expect(packs[0]).toMatchObject({ id: 'minneapolis', imported: false, hidden: 0 });
    expect(packs.at(-1)).toEqual({ id: 'snow', title: 'Snow emergency rules', version: '1.0.0', asOf: '2026-01-15', entries: 2, imported: true, hidden: 1 });
    expect(service.entryView('mpls-19.30')?.imported).toBeUndefined();
    expect(service.bundledEntryIds()).toContain('mpls-19.30');
  });

  it('an imported entry links to a bundled one, but the curated card does not list it back', () => {
    const service = createLookupService(bundled);
    service.setUserPacks([imported({ related: ['mpls-19.30'] })]);
    expect(service.entryView('snow-1')?.related.map((r) => r.id)).toEqual(['mpls-19.30']);
    expect(service.entryView('mpls-19.30')?.related.map((r) => r.id)).not.toContain('snow-1');
  });
});

describe('lookup service with the index prebuilt at build time', () => {
  const prebuilt = serializeBundledIndex(bundled);
  const queries = ['separation ordinance', '§ 19.30(a)(3)', 'seperation ordnance', 'ICE hold', 'snow emergency parking'];
  const ids = (service: ReturnType<typeof createLookupService>, q: string) => service.lookup(q, opts).result.results.map((h) => h.id);

  it('loads it (no warning) and answers exactly as a built index does', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loaded = createLookupService(bundled, prebuilt);
    const built = createLookupService(bundled);
    for (const q of queries) expect(ids(loaded, q), q).toEqual(ids(built, q));
    expect(loaded.indexSource()).toBe('prebuilt');
    expect(built.indexSource()).toBe('built');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('builds the index instead when the prebuilt one is for other entries, and still answers', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stale = serializeBundledIndex([{ ...bundled[0]!, entries: bundled[0]!.entries.slice(1) }]);
    const service = createLookupService(bundled, stale);
    expect(ids(service, '§ 19.30')[0]).toBe('mpls-19.30');
    expect(service.indexSource()).toBe('built');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('prebuilt index not used'), expect.anything());
    warn.mockRestore();
  });

  it('indexes imported packs beside the bundled entries (the prebuilt index does not hold them)', () => {
    const service = createLookupService(bundled, prebuilt);
    service.setUserPacks([imported()]);
    expect(ids(service, 'snowplow parking ban')[0]).toBe('snow-1');
    service.setUserPacks([]);
    expect(ids(service, 'snowplow parking ban')).not.toContain('snow-1');
  });
});
