/**
 * One result list for a short query from both paths: the engine's sure answers first (an exact
 * title, alias or citation, with the pinpoint the reader named), then the entries the typed
 * letters jump to (with their highlights), then the engine's other answers and candidates. An
 * entry found by both appears once, carrying both the engine's hit and the highlights.
 */
import type { LookupHit } from '../search/types';
import type { Suggestion, TypeaheadMarks } from './typeahead';

export interface ResultRow {
  id: string;
  title: string;
  citation?: string;
  kind: LookupHit['kind'];
  /** The engine's hit for this entry, when the engine found it (label, pinpoint, what matched). */
  hit?: LookupHit;
  /** The typed letters' matches, when as-you-type found it. */
  marks?: TypeaheadMarks;
}

function rowOfHit(hit: LookupHit): ResultRow {
  return { id: hit.id, title: hit.title, ...(hit.citation ? { citation: hit.citation } : {}), kind: hit.kind, hit };
}

function rowOfSuggestion(s: Suggestion): ResultRow {
  return { id: s.id, title: s.title, ...(s.citation ? { citation: s.citation } : {}), kind: s.kind, marks: s.marks };
}

export function mergeResults(suggestions: readonly Suggestion[], results: readonly LookupHit[], others: readonly LookupHit[], limit = 8): ResultRow[] {
  const marksOf = new Map(suggestions.map((s) => [s.id, s.marks]));
  const rows: ResultRow[] = [];
  const seen = new Set<string>();
  const add = (row: ResultRow) => {
    if (seen.has(row.id) || rows.length >= limit) return;
    seen.add(row.id);
    const marks = row.marks ?? marksOf.get(row.id);
    rows.push(marks ? { ...row, marks } : row);
  };
  const sure = results.filter((h) => h.confidence === 'high');
  for (const h of sure) add(rowOfHit(h));
  const engineHit = new Map([...results, ...others].map((h) => [h.id, h]));
  for (const s of suggestions) {
    const h = engineHit.get(s.id);
    add(h ? { ...rowOfHit(h), marks: s.marks } : rowOfSuggestion(s));
  }
  for (const h of [...results, ...others]) add(rowOfHit(h));
  return rows;
}

/** The engine's answer alone, as rows (longer text, or no as-you-type index). */
export function rowsOfHits(results: readonly LookupHit[], others: readonly LookupHit[]): ResultRow[] {
  return [...results, ...others].map(rowOfHit);
}
