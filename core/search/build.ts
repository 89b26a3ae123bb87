/**
 * The search index: built from entries (`buildIndex`), or loaded from its serialized form
 * (`serializeIndex` at packaging time, `loadIndex` at start-up). One compact layout serves both:
 *
 * - terms: sorted dictionary of stems; `df` and byte offsets per term; postings as
 *   (varint entry delta, quantized BM25F weight byte) pairs, decoded while scoring;
 * - phrases: sorted keys (content stems of titles, aliases, keywords, joined by a space) with
 *   (entry, kind) lists packed into integers;
 * - citation keys: sorted canonical keys (core/citations) with (entry, flags) lists;
 * - surface words for fuzzy matching (fuse.js over small buckets, core/search/fuzzy.ts).
 *
 * Nothing here is a JS object per posting, so a 20,000-entry index stays small and loads fast.
 */
import type { Entry } from '../schema/pack';
import { norm } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import { extractCitations } from '../citations/extract';
import { ByteWriter, decodeVarints, encodeVarints, fromBase64, toBase64 } from './codec';
import type { MatchedField } from './types';
import { joinKeys, splitKeys, type KeyList } from './keys';

export { findKey } from './keys';

export const INDEX_FORMAT = 'ordinance-lens-index';
/**
 * Bump when what the index holds changes, the tokenizer and stemmer included (3: "IDs" → id;
 * 4: a stored index's fingerprint combines each pack's, core/pack/columns.ts; 5: its key lists are
 * stored as UTF-8 bytes, lib/storage/stored-index-bytes.ts; 6: its postings, phrase and citation
 * tables are stored apart, in shards read on demand, core/search/index-shards.ts).
 */
export const INDEX_VERSION = 6;

export type FieldName = MatchedField['field'];
export const FIELD_WEIGHTS: readonly (readonly [FieldName, number, number])[] = [
  // field, weight, length normalization b
  ['title', 3, 0.5],
  ['alias', 3, 0.3],
  ['citation', 2, 0.3],
  ['keyword', 1.5, 0.3],
  ['id', 0.5, 0.3],
  ['summary', 1.5, 0.75],
  ['point', 1, 0.75],
  ['exception', 1, 0.75],
];
const SLOT = new Map(FIELD_WEIGHTS.map(([f], i) => [f, i]));
const K1 = 1.2;

/** Longest wording (in tokens) indexed word for word. */
export const EXACT_MAX_TOKENS = 12;
/** Phrase kinds: how an entry carries a phrase. */
export const PHRASE = { titlePrefix: 0, keyword: 1, alias: 2, title: 3 } as const;
/** Citation levels: 3 the entry's citation, 2 its title or an alias, 1 a keyword, 0 a mention in its text. */
const CITE_LEVEL: Partial<Record<FieldName, number>> = { citation: 3, title: 2, alias: 2, keyword: 1 };

export interface CitationRef {
  entry: number;
  primary: boolean;
  /** The field is nothing but this citation ("287(g)" as an alias). */
  exact: boolean;
  level: number;
}

/** Per-entry work arrays for one lookup at a time (JS is single-threaded); all zero between lookups. */
export interface Scratch {
  score: Float64Array;
  matched: Float64Array;
  seen: Uint32Array;
  stamp: number;
  /** 1 touched, 2 whole-query phrase match, 4 citation match. */
  flags: Uint8Array;
  /** Candidate slots: entry, text score, matched IDF, final score, confidence. */
  touched: Uint32Array;
  text: Float64Array;
  cm: Float64Array;
  fl: Uint8Array;
  /** Phrase bonus and whole-query phrase mark per entry. */
  pb: Float64Array;
  pw: Uint8Array;
  final: Float64Array;
  conf: Uint8Array;
  /** Page-context multiplier per slot (kept here: a lookup must not allocate per entry). */
  cf: Float64Array;
  /** Entries the page is about, marked for one pass (stages/context.ts); 0 between uses. */
  mark: Uint8Array;
}

export function newScratch(n: number): Scratch {
  return {
    score: new Float64Array(n),
    matched: new Float64Array(n),
    seen: new Uint32Array(n),
    stamp: 0,
    flags: new Uint8Array(n),
    touched: new Uint32Array(n),
    text: new Float64Array(n),
    cm: new Float64Array(n),
    fl: new Uint8Array(n),
    pb: new Float64Array(n),
    pw: new Uint8Array(n),
    final: new Float64Array(n),
    conf: new Uint8Array(n),
    cf: new Float64Array(n),
    mark: new Uint8Array(n),
  };
}

export interface SearchIndex {
  version: number;
  entries: readonly Entry[];
  /** Sorted stems. */
  terms: KeyList;
  /** Entries per term. */
  df: Uint32Array;
  /** Byte offset of each term's postings in `postBytes` (terms.length + 1 values). */
  postStart: Uint32Array;
  /** Per posting: varint (entry − previous entry), then the saturated field weight × 255. */
  postBytes: Uint8Array;
  phraseKeys: KeyList;
  phraseStart: Uint32Array;
  /** entry × 8 + 4 when the field is worded exactly so (no stop words dropped) + kind (PHRASE). */
  phraseData: Uint32Array;
  maxPhraseLen: number;
  citeKeys: KeyList;
  citeStart: Uint32Array;
  /** entry × 16 + primary × 8 + exact × 4 + level. */
  citeData: Uint32Array;
  /** Sorted normalized words (letters only, 4+ characters) for fuzzy matching. */
  words: KeyList;
  jurisdictions: string[];
  homeJurisdiction: string;
  /**
   * Shards not read yet (a stored index read on demand: index-shards.ts). The engine asks before
   * it reads a term's postings (key searches ask their ShardedKeys); a lookup that noted one
   * missing is made again.
   */
  gaps?: { missing(t: number): boolean };
  /** Scratch accumulators reused by lookups (one JS thread; reset after each use). */
  scratch: Scratch;
  /** Derived helpers (letter masks of `words` for fuzzy matching, id map…); never serialized. */
  cache: { wordMasks?: Uint32Array; byId?: Map<string, number>; juris?: string[]; /** Kind class per entry (stages/kinds.ts). */ kinds?: Uint8Array; places?: string[]; /** Month each entry began (stages/page-date.ts). */ starts?: Int32Array; /** Pack of each entry (core/search/pack-groups.ts). */ groups?: { of: Uint8Array; count: number; sizes: number[] }; /** First entry of each pack, then the end (core/search/pack-groups.ts). */ packStarts?: Int32Array };
}

export function fieldTexts(e: Entry): [FieldName, string, number][] {
  const out: [FieldName, string, number][] = [['title', e.title, 0], ['id', e.id.replace(/[-.]/g, ' '), 0], ['summary', e.summary, 0]];
  if (e.citation) out.push(['citation', e.citation, 0]);
  e.aliases.forEach((a, i) => out.push(['alias', a, i]));
  e.keywords.forEach((k, i) => out.push(['keyword', k, i]));
  e.points.forEach((p, i) => out.push(['point', p.text, i]));
  e.exceptions.forEach((p, i) => out.push(['exception', p.text, i]));
  return out;
}

export const jurisName = (s: string) => norm(s).replace(/\bst\.?\s/g, 'saint ').trim();

/** Which of the letters a–z occur in a word, as 26 bits (the fuzzy matcher's pre-check). */
export function letterMask(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) m |= 1 << c;
  }
  return m >>> 0;
}

class GrowU32 {
  a = new Uint32Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const next = new Uint32Array(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n++] = v;
  }
}

const WORD_RE = /^[a-z]{4,}$/;
const N_SLOTS = FIELD_WEIGHTS.length;

/** What `buildIndex` gathers entry by entry, before the postings are weighed and laid out. */
interface Gathered {
  termIds: Map<string, number>;
  /** Terms in first-seen order (term id = position). */
  termList: string[];
  /** Entries per term id. */
  dfBuild: GrowU32;
  // Rows: one per (entry, term); per row its nonzero (slot, count) pairs.
  rowTerm: GrowU32;
  rowPairsEnd: GrowU32;
  /** slot × 65536 + count */
  pairSlotCount: GrowU32;
  entryRowsEnd: Uint32Array;
  /** Content tokens per (entry, field slot). */
  fieldLen: Uint32Array;
  phrases: Map<string, number[]>;
  cites: Map<string, number[]>;
  words: Set<string>;
  maxPhraseLen: number;
  /** The current entry's terms: local position per term id, the ids, counts per (position, slot). */
  localIdx: Map<number, number>;
  localTerms: number[];
  localCounts: Uint32Array;
}

function startGathering(n: number): Gathered {
  return {
    termIds: new Map(),
    termList: [],
    dfBuild: new GrowU32(),
    rowTerm: new GrowU32(),
    rowPairsEnd: new GrowU32(),
    pairSlotCount: new GrowU32(),
    entryRowsEnd: new Uint32Array(n),
    fieldLen: new Uint32Array(n * N_SLOTS),
    phrases: new Map(),
    cites: new Map(),
    words: new Set(),
    maxPhraseLen: 1,
    localIdx: new Map(),
    localTerms: [],
    localCounts: new Uint32Array(256 * N_SLOTS),
  };
}

export function buildIndex(entries: readonly Entry[]): SearchIndex {
  const g = startGathering(entries.length);
  entries.forEach((e, idx) => gatherEntry(g, e, idx));
  const [phraseKeys, phraseStart, phraseData] = packTable(g.phrases);
  const [citeKeys, citeStart, citeData] = packTable(g.cites);
  return assemble(entries, {
    ...layOutPostings(g, weighPostings(g, entries.length)),
    phraseKeys,
    phraseStart,
    phraseData,
    maxPhraseLen: g.maxPhraseLen,
    citeKeys,
    citeStart,
    citeData,
    words: [...g.words].sort(),
    ...jurisdictionsOf(entries),
  });
}

/** One entry's terms, phrases and citations, field by field; then its (entry, term) rows. */
function gatherEntry(g: Gathered, e: Entry, idx: number): void {
  g.localIdx.clear();
  g.localTerms.length = 0;
  for (const [field, text] of fieldTexts(e)) {
    const ntext = norm(text);
    const { terms, all } = countFieldTerms(g, idx, field, ntext);
    if ((field === 'title' || field === 'alias' || field === 'keyword') && terms.length > 0 && terms.length <= 8) addPhrases(g, idx, field, terms, all);
    const primary = field === 'citation' || field === 'alias' || field === 'title' || field === 'keyword';
    if (field !== 'id' && (primary || /\d/.test(text))) addCitations(g.cites, idx, field, primary, ntext);
  }
  closeEntryRows(g, idx);
}

/** Tokenizes one field: counts its content terms for the entry and keeps its words for fuzzy matching. */
function countFieldTerms(g: Gathered, idx: number, field: FieldName, ntext: string): { terms: string[]; all: string[] } {
  const slot = SLOT.get(field)!;
  const terms: string[] = [];
  const all: string[] = [];
  for (const t of tokenize(ntext)) {
    all.push(t.term);
    if (t.stop) continue;
    terms.push(t.term);
    if (field !== 'id' && WORD_RE.test(t.surface)) g.words.add(t.surface);
  }
  g.fieldLen[idx * N_SLOTS + slot]! += terms.length;
  for (const term of terms) {
    // localSlot may replace g.localCounts: read the array after it.
    const li = localSlot(g, termId(g, term));
    g.localCounts[li * N_SLOTS + slot]!++;
  }
  return { terms, all };
}

function termId(g: Gathered, term: string): number {
  const id = intern(g.termIds, g.termList, term);
  if (id === g.dfBuild.n) g.dfBuild.push(0); // a new term
  return id;
}

/** The term's position among the current entry's terms, its slot counts zeroed when new. */
function localSlot(g: Gathered, id: number): number {
  const known = g.localTerms.length;
  const li = intern(g.localIdx, g.localTerms, id);
  if (li < known) return li;
  if ((li + 1) * N_SLOTS > g.localCounts.length) {
    const next = new Uint32Array(g.localCounts.length * 2);
    next.set(g.localCounts);
    g.localCounts = next;
  }
  g.localCounts.fill(0, li * N_SLOTS, (li + 1) * N_SLOTS);
  return li;
}

/** `key`'s number in `numbers` (its position in `keys`); a new key is numbered at the end. */
function intern<K>(numbers: Map<K, number>, keys: K[], key: K): number {
  let n = numbers.get(key);
  if (n === undefined) {
    n = keys.length;
    numbers.set(key, n);
    keys.push(key);
  }
  return n;
}

function addPhrases(g: Gathered, idx: number, field: FieldName, terms: string[], all: string[]): void {
  const kind = field === 'title' ? PHRASE.title : field === 'alias' ? PHRASE.alias : PHRASE.keyword;
  // The content words, and (when they differ) the wording itself, stop words and all, under
  // "=" ("One Minneapolis" is not "We Are Minneapolis").
  const same = all.length === terms.length;
  addPhrase(g.phrases, terms.join(' '), idx, kind, same);
  if (!same && all.length <= EXACT_MAX_TOKENS) addPhrase(g.phrases, '=' + all.join(' '), idx, kind, true);
  if (field === 'title') for (let k = 1; k < terms.length; k++) addPhrase(g.phrases, terms.slice(0, k).join(' '), idx, PHRASE.titlePrefix, false);
  g.maxPhraseLen = Math.max(g.maxPhraseLen, terms.length);
}

function addPhrase(phrases: Map<string, number[]>, key: string, idx: number, kind: number, same: boolean): void {
  addRef(phrases, key, idx * 8 + (same ? 4 : 0) + kind, 8, strongerPhrase);
}

/** Same entry again: keep the stronger way it carries the phrase. */
const strongerPhrase = (last: number, packed: number) => ((last & 7) < (packed & 7) ? packed : last);

/** Same entry again: one ref with either's primary and exact flags and the higher level. */
const mergedCitation = (last: number, packed: number) => Math.floor(packed / 16) * 16 + ((last | packed) & 12) + Math.max(last & 3, packed & 3);

/**
 * Adds a packed ref (entry × `unit` + flags) to `key`'s list. Entries are added in order, so the
 * same entry again can only be the list's last ref: `merge` then gives the one ref kept.
 */
function addRef(map: Map<string, number[]>, key: string, packed: number, unit: 8 | 16, merge: (last: number, packed: number) => number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  const last = list[list.length - 1];
  if (last !== undefined && Math.floor(last / unit) === Math.floor(packed / unit)) list[list.length - 1] = merge(last, packed);
  else list.push(packed);
}

function addCitations(cites: Map<string, number[]>, idx: number, field: FieldName, primary: boolean, ntext: string): void {
  const ctext = ntext.trim();
  for (const c of extractCitations(ctext)) {
    const exact = primary && c.end - c.start >= ctext.length - 1;
    const level = CITE_LEVEL[field] ?? 0;
    for (const key of c.keys) if (!key.includes('\n')) addRef(cites, key, idx * 16 + (primary ? 8 : 0) + (exact ? 4 : 0) + level, 16, mergedCitation);
  }
}

/** One row per term of the entry just gathered, with its nonzero (slot, count) pairs. */
function closeEntryRows(g: Gathered, idx: number): void {
  for (let li = 0; li < g.localTerms.length; li++) {
    const id = g.localTerms[li]!;
    g.rowTerm.push(id);
    g.dfBuild.a[id]!++;
    for (let s = 0; s < N_SLOTS; s++) {
      const c = g.localCounts[li * N_SLOTS + s]!;
      if (c) g.pairSlotCount.push(s * 65536 + Math.min(c, 65535));
    }
    g.rowPairsEnd.push(g.pairSlotCount.n);
  }
  g.entryRowsEnd[idx] = g.rowTerm.n;
}

interface Weighed {
  /** Where each term id's postings start in `ids` and `qw` (term ids in first-seen order). */
  start: Uint32Array;
  ids: Uint32Array;
  qw: Uint8Array;
}

/** Average field lengths, then saturated BM25F weights per (entry, term), grouped by term. */
function weighPostings(g: Gathered, n: number): Weighed {
  const avg = averageFieldLengths(g.fieldLen, n);
  const nTerms = g.termList.length;
  const start = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) start[t + 1] = start[t]! + g.dfBuild.a[t]!;
  const cursor = start.slice(0, nTerms);
  const ids = new Uint32Array(g.rowTerm.n);
  const qw = new Uint8Array(g.rowTerm.n);
  let row = 0;
  let pair = 0;
  for (let idx = 0; idx < n; idx++) {
    for (; row < g.entryRowsEnd[idx]!; row++) {
      let t = 0;
      for (; pair < g.rowPairsEnd.a[row]!; pair++) {
        const sc = g.pairSlotCount.a[pair]!;
        const s = sc >>> 16;
        const c = sc & 65535;
        const [, w, b] = FIELD_WEIGHTS[s]!;
        t += (w * c) / (1 - b + (b * g.fieldLen[idx * N_SLOTS + s]!) / avg[s]!);
      }
      const sat = t / (K1 + t);
      const at = cursor[g.rowTerm.a[row]!]!++;
      ids[at] = idx;
      qw[at] = Math.max(1, Math.min(255, Math.round(sat * 255)));
    }
  }
  return { start, ids, qw };
}

function averageFieldLengths(fieldLen: Uint32Array, n: number): number[] {
  return FIELD_WEIGHTS.map((_, s) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += fieldLen[i * N_SLOTS + s]!;
    return Math.max(1, sum / Math.max(1, n));
  });
}

/** Sorted dictionary; postings re-laid in dictionary order as bytes. */
function layOutPostings(g: Gathered, { start, ids, qw }: Weighed): Pick<Parts, 'terms' | 'df' | 'postStart' | 'postBytes'> {
  const { termList } = g;
  const nTerms = termList.length;
  const order = termList.map((_, i) => i).sort((a, b) => (termList[a]! < termList[b]! ? -1 : termList[a]! > termList[b]! ? 1 : 0));
  const df = new Uint32Array(nTerms);
  const postStart = new Uint32Array(nTerms + 1);
  const w = new ByteWriter();
  order.forEach((old, t) => {
    df[t] = g.dfBuild.a[old]!;
    postStart[t] = w.length;
    let prev = -1;
    for (let k = start[old]!; k < start[old + 1]!; k++) {
      w.varint(ids[k]! - prev);
      prev = ids[k]!;
      w.byte(qw[k]!);
    }
  });
  postStart[nTerms] = w.length;
  return { terms: order.map((i) => termList[i]!), df, postStart, postBytes: w.bytes() };
}

/** Jurisdiction names (each also without its state) and the one most entries share. */
function jurisdictionsOf(entries: readonly Entry[]): Pick<Parts, 'jurisdictions' | 'homeJurisdiction'> {
  const jcount = new Map<string, number>();
  for (const e of entries) {
    const j = jurisName(e.jurisdiction);
    jcount.set(j, (jcount.get(j) ?? 0) + 1);
  }
  const jurisdictions = [...jcount.keys()].flatMap((j) => [j, j.split(',')[0]!.trim()]).filter((j, i, a) => j && a.indexOf(j) === i);
  const homeJurisdiction = [...jcount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { jurisdictions, homeJurisdiction };
}

function packTable(map: Map<string, number[]>): [string[], Uint32Array, Uint32Array] {
  const keys = [...map.keys()].sort();
  const startArr = new Uint32Array(keys.length + 1);
  let total = 0;
  keys.forEach((k, i) => {
    startArr[i] = total;
    total += map.get(k)!.length;
  });
  startArr[keys.length] = total;
  const data = new Uint32Array(total);
  keys.forEach((k, i) => data.set(map.get(k)!, startArr[i]!));
  return [keys, startArr, data];
}

/** The index's own data, without the entries and the per-lookup scratch. */
export type Parts = Omit<SearchIndex, 'version' | 'entries' | 'scratch' | 'cache'>;

export function assemble(entries: readonly Entry[], parts: Parts): SearchIndex {
  const n = entries.length;
  return {
    version: INDEX_VERSION,
    entries,
    ...parts,
    scratch: newScratch(n),
    cache: {},
  };
}

/** Citation refs of one key (index into citeKeys). */
export function citeRefs(index: SearchIndex, k: number): CitationRef[] {
  const out: CitationRef[] = [];
  for (let i = index.citeStart[k]!; i < index.citeStart[k + 1]!; i++) {
    const v = index.citeData[i]!;
    out.push({ entry: Math.floor(v / 16), primary: (v & 8) !== 0, exact: (v & 4) !== 0, level: v & 3 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Serialization

/** The prebuilt index as plain JSON-safe data (strings and numbers only). */
export interface SerializedIndex extends IndexHeader {
  terms: string;
  /** base64 of varints. */
  df: string;
  postLens: string;
  postBytes: string;
  phraseKeys: string;
  phraseLens: string;
  phraseData: string;
  maxPhraseLen: number;
  citeKeys: string;
  citeLens: string;
  citeData: string;
  words: string;
  jurisdictions: string[];
  homeJurisdiction: string;
}

/**
 * FNV-1a over the entries' ids and titles: catches an index loaded for another set or order of
 * entries. It does not see edits to summaries or points, so callers pair an index with the entries
 * it was built from (the build writes both; the session cache keys on pack versions and import times).
 */
export function entriesFingerprint(entries: readonly Pick<Entry, 'id' | 'title'>[]): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 10;
    h = Math.imul(h, 0x01000193);
  };
  for (const e of entries) {
    mix(e.id);
    mix(e.title);
  }
  return (h >>> 0).toString(16).padStart(8, '0') + ':' + entries.length;
}

/** What heads both stored forms of an index (this one and core/search/stored-index.ts). */
export interface IndexHeader {
  format: typeof INDEX_FORMAT;
  version: number;
  /** Number of entries and a fingerprint of their ids and titles, checked on load. */
  entries: number;
  fingerprint: string;
}

/**
 * `fingerprint`: of the entries, when the caller knows it without reading them (the lookup
 * service combines each pack's: core/pack/columns.ts); by default, read from the entries.
 */
export function indexHeader(index: SearchIndex, fingerprint = entriesFingerprint(index.entries)): IndexHeader {
  return { format: INDEX_FORMAT, version: INDEX_VERSION, entries: index.entries.length, fingerprint };
}

/** Throws a plain Error unless `h` heads an index of this version built from `entries`. */
export function checkHeader(h: IndexHeader | null | undefined, entries: readonly Entry[], fingerprint?: string): void {
  if (!h || h.format !== INDEX_FORMAT) throw new Error('not an Ordinance Lens index');
  if (h.version !== INDEX_VERSION) throw new Error(`index version ${String(h.version)}, expected ${INDEX_VERSION}`);
  if (h.entries !== entries.length || h.fingerprint !== (fingerprint ?? entriesFingerprint(entries))) throw new Error('the index was built from other entries');
}

export const lens = (startArr: Uint32Array) => {
  const out = new Uint32Array(Math.max(0, startArr.length - 1));
  for (let i = 0; i < out.length; i++) out[i] = startArr[i + 1]! - startArr[i]!;
  return out;
};
const starts = (lengths: Uint32Array) => {
  const out = new Uint32Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) out[i + 1] = out[i]! + lengths[i]!;
  return out;
};
export function serializeIndex(index: SearchIndex): SerializedIndex {
  return {
    ...indexHeader(index),
    terms: joinKeys(index.terms),
    df: toBase64(encodeVarints(index.df)),
    postLens: toBase64(encodeVarints(lens(index.postStart))),
    postBytes: toBase64(index.postBytes),
    phraseKeys: joinKeys(index.phraseKeys),
    phraseLens: toBase64(encodeVarints(lens(index.phraseStart))),
    phraseData: toBase64(encodeVarints(index.phraseData)),
    maxPhraseLen: index.maxPhraseLen,
    citeKeys: joinKeys(index.citeKeys),
    citeLens: toBase64(encodeVarints(lens(index.citeStart))),
    citeData: toBase64(encodeVarints(index.citeData)),
    words: joinKeys(index.words),
    jurisdictions: index.jurisdictions,
    homeJurisdiction: index.homeJurisdiction,
  };
}

/**
 * Loads a prebuilt index for `entries` (the same entries, in the same order, it was built from).
 * Throws a plain Error when the data is not an index of this version or was built from other
 * entries; callers fall back to `buildIndex`.
 */
export function loadIndex(data: SerializedIndex | string, entries: readonly Entry[]): SearchIndex {
  const d = (typeof data === 'string' ? JSON.parse(data) : data) as SerializedIndex;
  checkHeader(d, entries);
  const terms = splitKeys(d.terms);
  const phraseKeys = splitKeys(d.phraseKeys);
  const citeKeys = splitKeys(d.citeKeys);
  const phraseStart = starts(decodeVarints(fromBase64(d.phraseLens), phraseKeys.length));
  const citeStart = starts(decodeVarints(fromBase64(d.citeLens), citeKeys.length));
  const postStart = starts(decodeVarints(fromBase64(d.postLens), terms.length));
  const postBytes = fromBase64(d.postBytes);
  if (postStart[terms.length] !== postBytes.length) throw new Error('index postings are truncated');
  return assemble(entries, {
    terms,
    df: decodeVarints(fromBase64(d.df), terms.length),
    postStart,
    postBytes,
    phraseKeys,
    phraseStart,
    phraseData: decodeVarints(fromBase64(d.phraseData), phraseStart[phraseKeys.length]!),
    maxPhraseLen: d.maxPhraseLen,
    citeKeys,
    citeStart,
    citeData: decodeVarints(fromBase64(d.citeData), citeStart[citeKeys.length]!),
    words: splitKeys(d.words),
    jurisdictions: d.jurisdictions,
    homeJurisdiction: d.homeJurisdiction,
  });
}
