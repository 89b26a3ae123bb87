/**
 * The stored index (core/search/stored-index.ts) as the browser database keeps it:
 *
 * - its four key lists as UTF-8 bytes instead of strings. A string comes out of IndexedDB as two
 *   bytes a character as soon as one key holds a character past Latin-1 (a "μ" among the D.C.
 *   Code's terms), or was cut from text that did: 5.4 of the D.C. index's 10 MB were its key
 *   lists. As bytes they are 2.7 MB, copied out as one block each, and decoded in a few ms.
 * - its postings apart, in shards of consecutive terms (core/search/posting-shards.ts), each its
 *   own record: a restarted worker reads the rest (4.7 of the D.C. index's 8 MB) and then only
 *   the shards a lookup needs. Decision 0011.
 */
import type { StoredIndex } from '../../core/search/index';
import { JoinedKeys } from '../../core/search/keys';
import { PostingGaps, shardBounds, shardBytes } from '../../core/search/posting-shards';

const KEY_LISTS = ['terms', 'phraseKeys', 'citeKeys', 'words'] as const;
type KeyListName = (typeof KEY_LISTS)[number];

/** The index record: no postings, and where each of their shards starts (`postBounds`). */
export type StoredIndexBytes = Omit<StoredIndex, KeyListName | 'postBytes' | 'gaps'> & Record<KeyListName, Uint8Array> & { postBounds: Uint32Array };

/** `shardTarget`: bytes of postings per shard (the tests make small packs' shards small). */
export function toIndexBytes(index: StoredIndex, shardTarget?: number): { head: StoredIndexBytes; shards: Uint8Array[] } {
  const enc = new TextEncoder();
  const { postBytes, gaps: _, ...rest } = index;
  const bounds = shardBounds(index.postStart, shardTarget);
  const head = { ...rest, postBounds: bounds } as unknown as StoredIndexBytes;
  for (const k of KEY_LISTS) head[k] = enc.encode(index[k]);
  const shards = Array.from({ length: bounds.length - 1 }, (_, s) => shardBytes(index.postStart, postBytes, bounds, s));
  return { head, shards };
}

/**
 * The stored index from its record, its postings still to be read (`gaps`). A record of an older
 * form (key lists as strings, or postings inside) is given back as it is: its version is not this
 * one, so it is refused and rebuilt.
 */
export function fromIndexBytes(stored: StoredIndexBytes | StoredIndex): StoredIndex {
  if (!(stored.terms instanceof Uint8Array) || !((stored as StoredIndexBytes).postBounds instanceof Uint32Array)) return stored as StoredIndex;
  const head = stored as StoredIndexBytes;
  const dec = new TextDecoder();
  const { postBounds, ...rest } = head;
  const out = { ...rest } as unknown as StoredIndex;
  for (const k of KEY_LISTS) out[k] = dec.decode(head[k]);
  // Zeros where the postings go (the engine never reads them before they are in: `gaps`).
  out.postBytes = new Uint8Array(head.postStart[head.postStart.length - 1] ?? 0);
  out.gaps = new PostingGaps(postBounds, head.postStart, out.postBytes, new JoinedKeys(out.terms, head.ends.terms));
  return out;
}
