/**
 * An index whose postings are read by term range, when a lookup needs them (decision 0011, "Postings
 * read on demand"). The postings are 3.3 of the D.C. Code's 8 MB stored index, and a browser
 * database reads a record whole at about 4.5 ms a MB, while a lookup reads the postings of a dozen
 * terms. So the stored index keeps them apart, as shards of consecutive terms (`shardBounds`), and
 * a restarted worker loads the rest of the index with its postings missing (`PostingGaps`).
 *
 * Results stay those of the whole index: the engine asks `missing(t)` before it reads a term's
 * postings, and a lookup that met a missing shard is not used. The caller reads the shards it
 * wanted and looks up again, until a lookup met none (it then read nothing the whole index would
 * not have given it). `predict` names the shards of the query's own terms, so the first lookup
 * usually meets none.
 */
import { findKey, type KeyList } from './keys';
import { parseQuery } from './stages/parse';

/** About this many bytes of postings per shard: a query's terms fall in a few, read at once. */
const SHARD_BYTES = 32 * 1024;

/**
 * Where each shard starts, as a term number, then the number of terms: shard s holds the postings
 * of terms bounds[s] … bounds[s + 1] − 1, bytes postStart[bounds[s]] … postStart[bounds[s + 1]].
 */
export function shardBounds(postStart: Uint32Array, target = SHARD_BYTES): Uint32Array {
  const terms = postStart.length - 1;
  const bounds = [0];
  for (let t = 1; t < terms; t++) if (postStart[t]! - postStart[bounds[bounds.length - 1]!]! >= target) bounds.push(t);
  if (terms > 0) bounds.push(terms);
  return Uint32Array.from(bounds);
}

/** Shard s's bytes, cut from the whole postings. */
export const shardBytes = (postStart: Uint32Array, postBytes: Uint8Array, bounds: Uint32Array, s: number): Uint8Array => postBytes.slice(postStart[bounds[s]!], postStart[bounds[s + 1]!]);

/** Which shards of a partly read index are in, and which a lookup wanted and did not find. */
export class PostingGaps {
  private readonly loaded: Uint8Array;
  private left: number;
  /** Shards a lookup met missing since the last `takeWanted`. */
  private wanted = new Set<number>();

  /** `postBytes`: the index's postings, as long as whole; each shard is copied in where it belongs. */
  constructor(
    readonly bounds: Uint32Array,
    private readonly postStart: Uint32Array,
    private readonly postBytes: Uint8Array,
    private readonly terms: KeyList,
  ) {
    this.left = Math.max(0, bounds.length - 1);
    this.loaded = new Uint8Array(this.left);
  }

  get complete(): boolean {
    return this.left === 0;
  }

  shardOf(t: number): number {
    let lo = 0;
    let hi = this.bounds.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.bounds[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Called by the engine before it reads term t's postings: true (and noted) when they are not in. */
  missing(t: number): boolean {
    if (this.left === 0) return false;
    const s = this.shardOf(t);
    if (this.loaded[s]) return false;
    this.wanted.add(s);
    return true;
  }

  /** The shards lookups met missing since the last call (the last lookup is not to be used if any). */
  takeWanted(): number[] {
    const out = [...this.wanted];
    this.wanted = new Set();
    return out;
  }

  /** Shards not in yet, of those given (all when none are given). */
  notIn(shards?: readonly number[]): number[] {
    const all = shards ?? Array.from(this.loaded.keys());
    return [...new Set(all)].filter((s) => s >= 0 && s < this.loaded.length && !this.loaded[s]);
  }

  /** The shards holding the postings of `text`'s words (its misspellings and page context are found by looking up). */
  predict(text: string): number[] {
    const shards = parseQuery(text)
      .words.map((w) => findKey(this.terms, w.term))
      .filter((t) => t >= 0)
      .map((t) => this.shardOf(t));
    return this.notIn(shards);
  }

  /** Copies in shard s's bytes; throws when they are not its length (then the caller reads the packs whole). */
  fill(s: number, bytes: Uint8Array): void {
    if (this.loaded[s]) return;
    const from = this.postStart[this.bounds[s]!]!;
    if (bytes.length !== this.postStart[this.bounds[s + 1]!]! - from) throw new Error(`posting shard ${s} is damaged`);
    this.postBytes.set(bytes, from);
    this.loaded[s] = 1;
    this.left--;
  }
}
