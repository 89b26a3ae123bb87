/**
 * An imported pack that copies a bundled entry (same citation, title, aliases) never outranks it:
 * on an equal score the bundled, checked entry comes first, whatever the index order.
 */
import { describe, expect, it } from 'vitest';
import { bundledFirstOnTies } from '../../lib/bundled-first';
import { createLookupService } from '../../lib/lookup-service';
import { bundledPacks } from '../support/bundled';
import type { LookupHit } from '../../core/search/types';

const hit = (id: string, score: number) => ({ id, score }) as LookupHit;

describe('bundled entries win ties with imported copies', () => {
  it('moves a bundled hit above imported hits of the same score, and only those', () => {
    const imported = new Set(['copy', 'other-import']);
    const out = bundledFirstOnTies([hit('copy', 9), hit('other-import', 9), hit('bundled', 9), hit('low', 3), hit('lower-import', 3)], (id) => imported.has(id) || id === 'lower-import');
    expect(out.map((h) => h.id)).toEqual(['bundled', 'copy', 'other-import', 'low', 'lower-import']);
    // A higher-scoring imported hit keeps its place.
    expect(bundledFirstOnTies([hit('copy', 10), hit('bundled', 9)], (id) => id === 'copy').map((h) => h.id)).toEqual(['copy', 'bundled']);
  });

  it('on the real pack: a copy of § 19.30 imported with its citation and aliases comes second', () => {
    const packs = bundledPacks();
    const orig = packs.flatMap((p) => p.entries).find((e) => e.id === 'mpls-19.30')!;
    const copy = { ...structuredClone(orig), id: 'copy-19.30' };
    const service = createLookupService(packs);
    // The copy's pack listed first among the packs it could be confused with.
    service.setUserPacks([{ ...structuredClone(packs[0]!), id: 'copycat', title: 'Copycat', entries: [copy] }]);
    for (const q of ['Minneapolis Code of Ordinances § 19.30', '§ 19.30', orig.title, ...(orig.aliases ?? [])]) {
      const ids = service.lookup(q, { citationStyle: 'short' }).result.results.map((h) => h.id);
      expect(ids.indexOf('mpls-19.30'), q).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf('mpls-19.30'), q).toBeLessThan(ids.indexOf('copy-19.30') === -1 ? Infinity : ids.indexOf('copy-19.30'));
    }
  });
});
