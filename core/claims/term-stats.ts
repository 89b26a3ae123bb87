/**
 * The pack's statistics for claim check, read once per entries array: each point's and
 * exception's terms (terms.ts) as small whole numbers, how many items carry each term (its idf),
 * and which items carry it (for retrieval). Held in flat typed arrays, not a Map per term and an
 * object per item: at 20,000 entries (80,000 items, 1.9 million term occurrences) the maps and
 * the stemming of every word took seconds before the first claim check could start.
 */
import type { Entry } from '../schema/pack';
import { scanWords } from '../text/tokenize';
import { phrased, termOf } from './terms';

export interface TermStats {
  /** Number of points and exceptions counted. */
  items: number;
  /** Term → a small whole number: the points' and exceptions' terms, then the words entries are known by. */
  ids: Map<string, number>;
  /** Id → term. */
  names: string[];
  /** Items carrying each term, by id (0 for a term only entries are known by). */
  df: Int32Array;
  /** The terms of item i are itemIds[itemStart[i] … itemStart[i + 1]), in first-occurrence order. */
  itemStart: Int32Array;
  itemIds: Int32Array;
  /** The idf weight of each term of each item, beside itemIds. */
  itemWeights: Float64Array;
  /** The Euclidean norm of each item's weights. */
  itemNorm: Float64Array;
  /** The entry (index into the entries array) of each item. */
  itemEntry: Int32Array;
  /** The items of entry e are entryFirst[e] … entryFirst[e + 1]): its points, then its exceptions. */
  entryFirst: Int32Array;
  /** The items carrying term id t are postItems[postStart[t] … postStart[t + 1]), in pack order. */
  postStart: Int32Array;
  postItems: Int32Array;
  /** Ids of the words each entry is known by (title, citation, aliases, summary), by entry index. */
  known: Int32Array[];
  /** The first index of each entry object in the entries array. */
  entryIndex: Map<Entry, number>;
  /** A claim's weights by term id (zero elsewhere): filled and cleared around each claim's scoring. */
  dense: Float64Array;
}

const statsMemo = new WeakMap<readonly Entry[], TermStats>();

/** The statistics of `entries` (computed once per array). */
export function termStats(entries: readonly Entry[]): TermStats {
  let s = statsMemo.get(entries);
  if (!s) statsMemo.set(entries, (s = buildStats(entries)));
  return s;
}

/** Assigns term ids while reading texts; a word's id is looked up once per distinct word. */
class TermReader {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  private readonly bySurface = new Map<string, number>();
  /** stamp[id] === the current text's number: the term was already read in this text. */
  private stamp = new Int32Array(1024);
  private text = 0;

  /** Appends the distinct term ids of `text` to `out`, in first-occurrence order. */
  read(text: string, out: IdList): void {
    const n = ++this.text;
    scanWords(phrased(text), (surface) => {
      const id = this.idOf(surface);
      if (id < 0 || this.stamp[id] === n) return;
      this.stamp[id] = n;
      out.push(id);
    });
  }

  private idOf(surface: string): number {
    let id = this.bySurface.get(surface);
    if (id === undefined) {
      const term = termOf(surface);
      id = term === null ? -1 : (this.ids.get(term) ?? this.add(term));
      this.bySurface.set(surface, id);
    }
    return id;
  }

  private add(term: string): number {
    const id = this.names.length;
    this.ids.set(term, id);
    this.names.push(term);
    if (id >= this.stamp.length) {
      const grown = new Int32Array(this.stamp.length * 2);
      grown.set(this.stamp);
      this.stamp = grown;
    }
    return id;
  }
}

/** A growable list of whole numbers in one typed array. */
class IdList {
  length = 0;
  private data: Int32Array;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
  take(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function buildStats(entries: readonly Entry[]): TermStats {
  const reader = new TermReader();
  const ids = new IdList(1 << 16);
  const starts: number[] = [0];
  const owners: number[] = [];
  const entryFirst = new Int32Array(entries.length + 1);
  entries.forEach((e, entry) => {
    entryFirst[entry] = owners.length;
    for (const list of [e.points, e.exceptions]) {
      for (const p of list) {
        reader.read(p.text, ids);
        starts.push(ids.length);
        owners.push(entry);
      }
    }
  });
  entryFirst[entries.length] = owners.length;
  // Entries' own words after the points' terms (they are not counted in df).
  const known = entries.map((e) => {
    const own = new IdList(64);
    reader.read([e.title, e.citation ?? '', ...e.aliases, e.summary].join('. '), own);
    return own.take();
  });
  const itemIds = ids.take();
  const itemStart = Int32Array.from(starts);
  const { df, postStart, postItems } = postingsOf(itemIds, itemStart, reader.names.length);
  const entryIndex = new Map<Entry, number>();
  entries.forEach((e, i) => {
    if (!entryIndex.has(e)) entryIndex.set(e, i);
  });
  const s = { items: owners.length, ids: reader.ids, names: reader.names, df, itemStart, itemIds, itemEntry: Int32Array.from(owners), entryFirst, postStart, postItems, known, entryIndex, dense: new Float64Array(reader.names.length) };
  return { ...s, ...weightsOf(s) };
}

/** Each item's term weights (idf) and their norm, summed in the item's term order. */
function weightsOf(s: Pick<TermStats, 'items' | 'df' | 'itemStart' | 'itemIds'>): { itemWeights: Float64Array; itemNorm: Float64Array } {
  const idfs = Float64Array.from(s.df, (df) => idfOf(s, df));
  const itemWeights = new Float64Array(s.itemIds.length);
  const itemNorm = new Float64Array(s.items);
  for (let item = 0; item < s.items; item++) {
    let n = 0;
    for (let k = s.itemStart[item]!; k < s.itemStart[item + 1]!; k++) {
      const w = idfs[s.itemIds[k]!]!;
      itemWeights[k] = w;
      n += w * w;
    }
    itemNorm[item] = Math.sqrt(n);
  }
  return { itemWeights, itemNorm };
}

/** Item counts per term and the items of each term, laid out term after term. */
function postingsOf(itemIds: Int32Array, starts: Int32Array, terms: number): { df: Int32Array; postStart: Int32Array; postItems: Int32Array } {
  const df = new Int32Array(terms);
  for (const id of itemIds) df[id]!++;
  const postStart = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const fill = postStart.slice(0, terms);
  const postItems = new Int32Array(itemIds.length);
  for (let item = 0; item + 1 < starts.length; item++) {
    for (let k = starts[item]!; k < starts[item + 1]!; k++) postItems[fill[itemIds[k]!]!++] = item;
  }
  return { df, postStart, postItems };
}

export function idf(stats: TermStats, term: string): number {
  const id = stats.ids.get(term);
  return idfOf(stats, id === undefined ? 0 : stats.df[id]!);
}

function idfOf(stats: Pick<TermStats, 'items'>, df: number): number {
  return Math.log(1 + (stats.items + 1) / (df + 1));
}

/** The terms of one item, in order (for the few candidates whose words are compared as words). */
export function itemTermNames(stats: TermStats, item: number): string[] {
  const out: string[] = [];
  for (let k = stats.itemStart[item]!; k < stats.itemStart[item + 1]!; k++) out.push(stats.names[stats.itemIds[k]!]!);
  return out;
}
