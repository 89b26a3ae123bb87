/**
 * A sorted key list read in shards of consecutive keys (the phrase and citation keys of a stored
 * index read on demand: index-shards.ts). What is always there: where every key ends (`ends`, as
 * in JoinedKeys) and each shard's first key, so a search knows which shard a key would be in
 * without reading it. A search that needs a shard not read yet notes it (`onMissing`) and answers
 * "not found"; the lookup it belonged to is then not used but made again once the shard is in.
 */
import type { KeyList } from './keys';

export class ShardedKeys implements KeyList {
  readonly length: number;
  /** Each shard's keys joined by "\n", once read. */
  private readonly texts: (string | undefined)[];

  /**
   * `bounds`: the key number each shard starts at, then the number of keys; `firstKeys`: each
   * shard's first key; `ends`: where each key ends in the whole joined list (keys.ts: keyEnds).
   */
  constructor(
    readonly ends: Uint32Array,
    readonly bounds: Uint32Array,
    readonly firstKeys: readonly string[],
    private readonly onMissing: (shard: number) => void,
  ) {
    this.length = ends.length;
    this.texts = Array.from({ length: firstKeys.length }, () => undefined);
  }

  /** Where shard s's text starts in the whole joined list. */
  private base(s: number): number {
    const first = this.bounds[s]!;
    return first ? this.ends[first - 1]! + 1 : 0;
  }

  /** The shard holding key number i. */
  shardOf(i: number): number {
    let lo = 0;
    let hi = this.firstKeys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.bounds[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The shard `key` would be in (the last whose first key is not after it); −1 before the first. */
  shardFor(key: string): number {
    let lo = 0;
    let hi = this.firstKeys.length - 1;
    if (hi < 0 || key < this.firstKeys[0]!) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.firstKeys[mid]! <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  isIn(s: number): boolean {
    return this.texts[s] !== undefined;
  }

  /** Shard s's keys; throws when they do not end where `ends` says (then the caller reads the packs whole). */
  fill(s: number, text: string): void {
    if (this.base(s) + text.length !== this.ends[this.bounds[s + 1]! - 1]! || !text.startsWith(this.firstKeys[s]!)) throw new Error(`key shard ${s} is damaged`);
    this.texts[s] = text;
  }

  at(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const s = this.shardOf(i);
    const text = this.texts[s];
    if (i === this.bounds[s]) return this.firstKeys[s];
    if (text === undefined) {
      this.onMissing(s);
      return this.firstKeys[s];
    }
    const base = this.base(s);
    return text.slice(this.ends[i - 1]! + 1 - base, this.ends[i]! - base);
  }

  /** As findKey (keys.ts): the key's number, or −(insertion point) − 1; "not found" (noted) when its shard is not read. */
  locate(key: string): number {
    const s = this.shardFor(key);
    if (s < 0) return -1;
    if (!this.isIn(s)) {
      this.onMissing(s);
      return -this.bounds[s]! - 1;
    }
    let lo = this.bounds[s]!;
    let hi = this.bounds[s + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.at(mid)!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** Every shard's text joined (all read), as JoinedKeys holds it; undefined while some are not. */
  joined(): string | undefined {
    return this.texts.every((t) => t !== undefined) ? this.texts.join('\n') : undefined;
  }
}
