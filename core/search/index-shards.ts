/**
 * A stored index read in shards, when a lookup needs them (decision 0011, "Read on demand"). Of the
 * D.C. Code's 8 MB stored index, the postings (3.3 MB), the phrase table (2.3 MB) and the citation
 * table (0.7 MB) are what a browser database would otherwise copy out whole before the first
 * answer, at about 4.5 ms a MB, while a lookup reads a few dozen of their entries. So each is
 * stored in shards of consecutive terms or keys (`splitIndex`), and a restarted worker loads the
 * rest of the index (the terms, where every key ends, each shard's first key) with them missing.
 *
 * Results stay those of the whole index: the engine notes every shard it needed and did not find
 * (`missing`, ShardedKeys), and a lookup that noted one is not used. The caller reads the shards
 * wanted and looks up again, until a lookup noted none (it then read nothing the whole index would
 * not have given it). `predict` names the shards of the query's own words and citations, so the
 * first lookup usually notes none. Shards are numbered postings first, then phrases, then citations.
 */
import { findKey, type KeyList } from './keys';
import { ShardedKeys } from './sharded-keys';
import { parseQuery } from './stages/parse';

/** About this many bytes per shard: a query's words fall in a few, read at once. */
const SHARD_BYTES = 32 * 1024;

/** Where each shard of a part starts (a term or key number), then the part's count. */
export interface ShardLayout {
  postings: Uint32Array;
  phrases: Uint32Array;
  phraseFirst: string[];
  cites: Uint32Array;
  citeFirst: string[];
}

/** One shard as stored: postings bytes, or a key table's keys joined by "\n" and their data. */
export type ShardPayload = { bytes: Uint8Array } | { keys: string; data: Uint32Array };

/** Shard bounds over `count` items whose sizes add up along `sizeBefore(i)` (size of items 0 … i − 1). */
export function bounds(count: number, sizeBefore: (i: number) => number, target = SHARD_BYTES): Uint32Array {
  const out = [0];
  for (let i = 1; i < count; i++) if (sizeBefore(i) - sizeBefore(out[out.length - 1]!) >= target) out.push(i);
  if (count > 0) out.push(count);
  return Uint32Array.from(out);
}

/** What a partly read index holds, as index-shards.ts fills it. */
export interface ShardedParts {
  postStart: Uint32Array;
  /** As long as whole: zeros where shards not read go. */
  postBytes: Uint8Array;
  phraseStart: Uint32Array;
  phraseData: Uint32Array;
  citeStart: Uint32Array;
  citeData: Uint32Array;
  terms: KeyList;
  phraseEnds: Uint32Array;
  citeEnds: Uint32Array;
}

/** Which shards of a partly read index are in, and which lookups wanted and did not find. */
export class IndexShards {
  readonly phraseKeys: ShardedKeys;
  readonly citeKeys: ShardedKeys;
  readonly count: number;
  private readonly loaded: Uint8Array;
  private left: number;
  private wanted = new Set<number>();
  private readonly nPost: number;
  private readonly nPhrase: number;

  constructor(
    readonly layout: ShardLayout,
    private readonly parts: ShardedParts,
  ) {
    this.nPost = Math.max(0, layout.postings.length - 1);
    this.nPhrase = layout.phraseFirst.length;
    this.count = this.nPost + this.nPhrase + layout.citeFirst.length;
    this.loaded = new Uint8Array(this.count);
    this.left = this.count;
    this.phraseKeys = new ShardedKeys(parts.phraseEnds, layout.phrases, layout.phraseFirst, (s) => this.wanted.add(this.nPost + s));
    this.citeKeys = new ShardedKeys(parts.citeEnds, layout.cites, layout.citeFirst, (s) => this.wanted.add(this.nPost + this.nPhrase + s));
  }

  get complete(): boolean {
    return this.left === 0;
  }

  private postShardOf(t: number): number {
    const b = this.layout.postings;
    let lo = 0;
    let hi = b.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (b[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Called by the engine before it reads term t's postings: true (and noted) when they are not in. */
  missing(t: number): boolean {
    if (this.left === 0) return false;
    const s = this.postShardOf(t);
    if (this.loaded[s]) return false;
    this.wanted.add(s);
    return true;
  }

  /** The shards lookups noted missing since the last call (a lookup that noted one is not to be used). */
  takeWanted(): number[] {
    const out = this.notIn([...this.wanted]);
    this.wanted = new Set();
    return out;
  }

  /** Shards not in yet, of those given (all when none are given). */
  notIn(shards?: readonly number[]): number[] {
    const all = shards ?? Array.from(this.loaded.keys());
    return [...new Set(all)].filter((s) => s >= 0 && s < this.count && !this.loaded[s]);
  }

  /** The shards `text`'s own words and citations need (its misspellings and page context are found by looking up). */
  predict(text: string): number[] {
    const q = parseQuery(text);
    const out: number[] = [];
    const keyRange = (keys: ShardedKeys, offset: number, from: string, to = from) => {
      for (let s = Math.max(0, keys.shardFor(from)); s <= keys.shardFor(to); s++) out.push(offset + s);
    };
    for (const w of q.words) {
      const t = findKey(this.parts.terms, w.term);
      if (t >= 0) out.push(this.postShardOf(t));
      keyRange(this.phraseKeys, this.nPost, w.term, w.term + '\uffff'); // phrases start with a query word
    }
    keyRange(this.phraseKeys, this.nPost, '=' + q.tokens.map((t) => t.term).join(' '));
    for (const c of q.cites) for (const k of c.keys) keyRange(this.citeKeys, this.nPost + this.nPhrase, k);
    return this.notIn(out);
  }

  /** Copies in shard s; throws when it does not fit where it goes (then the caller reads the packs whole). */
  fill(s: number, payload: ShardPayload): void {
    if (this.loaded[s]) return;
    if ('bytes' in payload) this.fillPostings(s, payload.bytes);
    else if (s < this.nPost + this.nPhrase) fillTable(this.phraseKeys, s - this.nPost, payload, this.parts.phraseStart, this.parts.phraseData);
    else fillTable(this.citeKeys, s - this.nPost - this.nPhrase, payload, this.parts.citeStart, this.parts.citeData);
    this.loaded[s] = 1;
    this.left--;
  }

  private fillPostings(s: number, bytes: Uint8Array): void {
    const { postStart, postBytes } = this.parts;
    const from = postStart[this.layout.postings[s]!]!;
    if (s >= this.nPost || bytes.length !== postStart[this.layout.postings[s + 1]!]! - from) throw new Error(`posting shard ${s} is damaged`);
    postBytes.set(bytes, from);
  }
}

function fillTable(keys: ShardedKeys, s: number, payload: { keys: string; data: Uint32Array }, start: Uint32Array, data: Uint32Array): void {
  const from = start[keys.bounds[s]!]!;
  if (s < 0 || payload.data.length !== start[keys.bounds[s + 1]!]! - from) throw new Error(`key shard ${s} is damaged`);
  keys.fill(s, payload.keys);
  data.set(payload.data, from);
}
