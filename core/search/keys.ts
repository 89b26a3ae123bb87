/**
 * An index's sorted key lists (terms, phrase keys, citation keys, fuzzy words). A built index
 * holds them as arrays; an index loaded from its stored form holds each as the one string it was
 * stored as (keys joined by a newline: no key holds one) and reads a key where it lies
 * (`JoinedKeys`). Splitting the D.C. Code's lists (61,289 phrase keys, 45,129 terms…) into
 * 150,000 strings was most of loading its stored index; a lookup reads a few dozen keys.
 */
export interface KeyList {
  readonly length: number;
  /** The key at `i` (0 ≤ i < length). */
  at(i: number): string | undefined;
  /** Its own search, as `findKey` (a list read in shards: sharded-keys.ts). */
  locate?(key: string): number;
  /** Where each key ends in the joined list, when the list keeps them. */
  readonly ends?: Uint32Array;
  /** The keys joined by "\n", when the list holds them so (undefined: not all read). */
  joined?(): string | undefined;
}

/** Keys joined by "\n", each read from the string when asked for. */
export class JoinedKeys implements KeyList {
  readonly length: number;

  /**
   * `ends`: where each key ends (the offset of the newline after it, or the text's length), as
   * `keyEnds` gives them. Stored beside the text: finding them at load (a scan of the whole
   * text) took 18 ms for the D.C. Code's lists.
   */
  constructor(
    readonly text: string,
    readonly ends: Uint32Array,
  ) {
    this.length = ends.length;
  }

  /** The ends end where the text does (a cheap check; the index's own checks count the keys). */
  fits(): boolean {
    return this.length ? this.ends[this.length - 1] === this.text.length : this.text.length === 0;
  }

  at(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.text.slice(i ? this.ends[i - 1]! + 1 : 0, this.ends[i]);
  }

  /**
   * `findKey`'s binary search, comparing `key` with each key where it lies in the text instead
   * of cutting it out: a lookup searches these lists a few hundred times (a page's context: each
   * of its words), and each search cut out some fifteen strings.
   */
  locate(key: string): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareAt(mid, key);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** The sign of the key at `i` against `key`, in the order `<` gives strings (UTF-16 code units). */
  private compareAt(i: number, key: string): number {
    const start = i ? this.ends[i - 1]! + 1 : 0;
    const len = this.ends[i]! - start;
    const n = Math.min(len, key.length);
    for (let k = 0; k < n; k++) {
      const d = this.text.charCodeAt(start + k) - key.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - key.length;
  }
}

/** Where each key of `keys` ends in `joinKeys(keys)`. */
export function keyEnds(keys: KeyList): Uint32Array {
  if (keys.ends) return keys.ends;
  const ends = new Uint32Array(keys.length);
  let at = -1;
  for (let i = 0; i < keys.length; i++) ends[i] = at += keys.at(i)!.length + 1;
  return ends;
}

/** Key lists are joined with a newline: no key holds one (buildIndex skips citation keys that do). */
export function joinKeys(keys: KeyList): string {
  if (keys instanceof JoinedKeys) return keys.text;
  if (keys.joined) {
    const text = keys.joined();
    if (text === undefined) throw new Error('the key list is not all read');
    return text;
  }
  return (keys as readonly string[]).join('\n');
}
export const splitKeys = (s: string): string[] => (s ? s.split('\n') : []);

/** Binary search in a sorted key list: index of `key`, or −(insertion point) − 1. */
export function findKey(keys: KeyList, key: string): number {
  if (keys.locate) return keys.locate(key);
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys.at(mid)!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

/** Every key, as an array (for tools that go through all of them). */
export const keyArray = (keys: KeyList): string[] => Array.from({ length: keys.length }, (_, i) => keys.at(i)!);
