/**
 * The engine's per-entry caches (index.cache: kind classes, normalized jurisdictions, the
 * places that have ordinances, the month each entry began, the id → position map) for an index whose large-pack entries
 * are columns (core/pack/columns.ts), filled from the columns instead of from every entry.
 * The stages build the same caches lazily from `index.entries` on the first lookup, which would
 * make a stub of every large-pack entry (0.2–0.4 s for the D.C. Code).
 *
 * The values must be exactly what the stages compute: kinds as stages/kinds.ts, jurisdictions
 * as stages/citations.ts (entryJurisdiction), places as stages/context.ts (competingPlaces),
 * months as stages/page-date.ts (entryStarts).
 * tests/core/stored-index.test.ts compares them with the stages' own caches.
 */
import type { SearchIndex } from './build';
import { jurisName } from './build';
import type { ColumnSegment } from '../pack/lazy-entries';
import { startMonth } from './stages/page-date';
import { kindClass } from './stages/kinds';
import { ORDINANCE_KINDS } from './stages/context';

/**
 * An id → position map that asks `find` instead of holding every id (the engine only calls
 * `get`, for a confident answer's related entries).
 */
class FoundPositions extends Map<string, number> {
  constructor(private readonly find: (id: string) => number | undefined) {
    super();
  }
  override get(id: string): number | undefined {
    return this.find(id);
  }
  override has(id: string): boolean {
    return this.find(id) !== undefined;
  }
}

/**
 * Fills index.cache for `index`, whose entries are `prefixLength` whole entries then
 * `segments`; `positionOf` finds an entry's position by id.
 */
export function primeCaches(index: SearchIndex, prefixLength: number, segments: readonly ColumnSegment[], positionOf: (id: string) => number | undefined): void {
  const n = index.entries.length;
  const kinds = new Uint8Array(n);
  const starts = new Int32Array(n);
  const juris = new Array<string>(n);
  const places = new Set<string>();
  const named = new Map<string, string>();
  const norm = (j: string) => {
    let v = named.get(j);
    if (v === undefined) named.set(j, (v = jurisName(j)));
    return v;
  };
  for (let i = 0; i < prefixLength; i++) {
    const e = index.entries[i]!;
    kinds[i] = kindClass(e.kind);
    starts[i] = startMonth(e.dates);
    const j = (juris[i] = norm(e.jurisdiction));
    if (ORDINANCE_KINDS.has(e.kind)) places.add(j);
  }
  for (const { columns: c, offset } of segments) {
    const classes = c.kindNames.map(kindClass);
    const names = c.jurisdictionNames.map(norm);
    const ordinance = c.kindNames.map((k) => ORDINANCE_KINDS.has(k));
    starts.set(c.starts, offset);
    const seen = new Set<number>();
    for (let i = 0; i < c.count; i++) {
      kinds[offset + i] = classes[c.kinds[i]!]!;
      const j = c.jurisdictions[i]!;
      juris[offset + i] = names[j]!;
      const pair = j * 256 + c.kinds[i]!;
      if (seen.has(pair)) continue;
      seen.add(pair);
      if (ordinance[c.kinds[i]!]) places.add(names[j]!);
    }
  }
  index.cache.kinds = kinds;
  index.cache.starts = starts;
  index.cache.juris = juris;
  index.cache.places = [...places].filter((p) => p.length > 2);
  index.cache.byId = new FoundPositions(positionOf);
}
