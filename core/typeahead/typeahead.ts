/**
 * As-you-type matching for the popup and side panel: a few letters jump to entries by title,
 * alias or citation, with the characters that matched. This is the job fuse.js is good at
 * (fuzzy matching of short strings over a small set of short fields); the lookup engine
 * (core/search) answers everything longer. The index is built once per pack set by the caller
 * and reused for every keystroke.
 */
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { EntryKind } from '../schema/pack';

/** The fields of an entry as-you-type reads. */
export interface TypeaheadRecord {
  id: string;
  title: string;
  aliases: readonly string[];
  citation?: string | undefined;
  kind: EntryKind;
}

/** [start, end) character ranges of a field that matched what the reader typed. */
export type Range = readonly [number, number];

/** Where the typed letters matched one entry, field by field (absent: that field did not match). */
export interface TypeaheadMarks {
  title?: Range[];
  citation?: Range[];
  /** The best matching alias (only when neither the title nor the citation matched as well). */
  alias?: { text: string; ranges: Range[] };
}

export interface Suggestion {
  id: string;
  title: string;
  citation?: string;
  kind: EntryKind;
  /** fuse.js score: 0 is a perfect match, 1 none. */
  score: number;
  marks: TypeaheadMarks;
}

export interface TypeaheadIndex {
  search(text: string, limit?: number): Suggestion[];
}

/**
 * Threshold 0.2: "seperation" and "ordnance" (one edit) reach "Separation ordinance", while
 * "19.3" does not also light up § 19.10 (one edit in four characters is 0.25). Location is ignored so "hold" finds
 * "ICE hold"; field length is ignored so a long title is not pushed under a short one that
 * matches worse. Runs of one character are not reported as matches (noise in a highlight).
 * Diacritics are not folded: fuse.js would fold every field on every keystroke (twice the time).
 */
const KEYS = [
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 2 },
  { name: 'citation', weight: 2 },
];

const FUSE_OPTIONS = {
  keys: KEYS,
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.2,
  minMatchCharLength: 2,
};

/**
 * fuse.js combines the fields' scores, so an entry can come back above the threshold on weak
 * partial matches in several fields ("one minn" → titles that merely contain "Minn"): cut there.
 */
const MAX_SCORE = 0.3;

/** Fewest characters worth suggesting for: one letter matches nearly everything. */
export const MIN_TYPEAHEAD_CHARS = 2;

export function buildTypeahead(records: readonly TypeaheadRecord[]): TypeaheadIndex {
  const list = records.map((r) => ({ id: r.id, title: r.title, aliases: [...r.aliases], citation: r.citation ?? '', kind: r.kind }));
  const fuse = new Fuse(list, FUSE_OPTIONS, Fuse.createIndex(KEYS, list));
  return {
    search(text, limit = 8) {
      const q = text.trim();
      if (q.length < MIN_TYPEAHEAD_CHARS) return [];
      return fuse
        .search(q, { limit })
        .filter((r) => (r.score ?? 1) <= MAX_SCORE)
        .map((r) => ({
        id: r.item.id,
        title: r.item.title,
        ...(r.item.citation ? { citation: r.item.citation } : {}),
        kind: r.item.kind,
        score: r.score ?? 1,
        marks: marksOf(r.matches ?? []),
      }));
    },
  };
}

/** fuse.js gives inclusive [start, end] pairs; the UI wants [start, end). */
function toRanges(m: FuseResultMatch): Range[] {
  return m.indices.map(([s, e]) => [s, e + 1] as const);
}

const covered = (rs: readonly Range[]) => rs.reduce((n, [s, e]) => n + e - s, 0);

function marksOf(matches: readonly FuseResultMatch[]): TypeaheadMarks {
  const marks: TypeaheadMarks = {};
  let bestAlias: { text: string; ranges: Range[] } | undefined;
  for (const m of matches) {
    if (!m.indices.length || m.value === undefined) continue;
    const ranges = toRanges(m);
    if (m.key === 'title') marks.title = ranges;
    else if (m.key === 'citation') marks.citation = ranges;
    else if (m.key === 'aliases' && (!bestAlias || covered(ranges) > covered(bestAlias.ranges))) bestAlias = { text: m.value, ranges };
  }
  // An alias is shown only when it says more than the title's or the citation's own highlight
  // ("19.3" marks the citation § 19.30; the alias "Section 19.30" would only repeat it).
  const shown = Math.max(covered(marks.title ?? []), covered(marks.citation ?? []));
  if (bestAlias && covered(bestAlias.ranges) > shown) marks.alias = bestAlias;
  return marks;
}
