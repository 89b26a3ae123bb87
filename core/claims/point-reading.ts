/**
 * How a point reads where it meets a claim: "MPD cannot interfere with ICE, but may respond to
 * emergencies" forbids interfering and permits responding; the clause sharing most of the
 * claim's weight decides. Clauses and their readings are memoized per point text.
 */
import { carvesOut, readModality, type Polarity } from './modality';
import { splitClaims } from './split';
import { itemTerms } from './terms';

export interface PointClause {
  terms: ReadonlySet<string>;
  reading: Polarity;
  carveOut: boolean;
}

/** Does a point text carve out a case (modality.ts carvesOut), memoized. */
const carveMemo = new Map<string, boolean>();
export function pointCarvesOut(text: string): boolean {
  let c = carveMemo.get(text);
  if (c === undefined) {
    c = carvesOut(text);
    if (carveMemo.size > 100_000) carveMemo.clear();
    carveMemo.set(text, c);
  }
  return c;
}

const clauseMemo = new Map<string, PointClause[]>();
export function pointClauses(text: string): PointClause[] {
  let r = clauseMemo.get(text);
  if (!r) {
    const parts = splitClaims(text);
    r =
      parts.length > 1
        ? parts.map((c) => {
            const m = readModality(c.text);
            return { terms: new Set(itemTerms(c.text)), reading: m.polarity, carveOut: m.carveOut ?? false };
          })
        : [wholePoint(text)];
    if (clauseMemo.size > 100_000) clauseMemo.clear();
    clauseMemo.set(text, r);
  }
  return r;
}

/** A point of one clause: it reads as a whole, so its terms are never compared (readingWhereAligned). */
const NOT_COMPARED: ReadonlySet<string> = new Set();
function wholePoint(text: string): PointClause {
  const m = readModality(text);
  return { terms: NOT_COMPARED, reading: m.polarity, carveOut: m.carveOut ?? false };
}

export function readingWhereAligned(text: string, weights: ReadonlyMap<string, number>): Polarity {
  const parts = pointClauses(text);
  if (parts.length === 1) return parts[0]!.reading;
  let best = parts[0]!;
  let bestW = -1;
  for (const p of parts) {
    let w = 0;
    for (const t of p.terms) w += weights.get(t) ?? 0;
    if (w > bestW) {
      best = p;
      bestW = w;
    }
  }
  return best.reading;
}
