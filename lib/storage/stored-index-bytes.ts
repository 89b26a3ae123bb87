/**
 * The stored index (core/search/stored-index.ts) as the browser database keeps it:
 *
 * - its key lists as UTF-8 bytes instead of strings. A string comes out of IndexedDB as two
 *   bytes a character as soon as one key holds a character past Latin-1 (a "μ" among the D.C.
 *   Code's terms), or was cut from text that did: 5.4 of the D.C. index's 10 MB were its key
 *   lists. As bytes they are 2.7 MB, copied out as one block each, and decoded in a few ms.
 * - its postings, phrase table and citation table apart, in shards (core/search/index-shards.ts),
 *   each its own record: a restarted worker reads the head (1.7 of the D.C. index's 8 MB), then
 *   only the shards a lookup needs. Decision 0011.
 */
import type { StoredIndex } from '../../core/search/index';
import type { ShardPayload } from '../../core/search/index-shards';
import { fromHead, splitIndex, type IndexHead } from '../../core/search/split-index';

const KEY_LISTS = ['terms', 'words'] as const;
type KeyListName = (typeof KEY_LISTS)[number];

/** The index record: the head, its key lists as bytes. */
export type StoredIndexBytes = Omit<IndexHead, KeyListName> & Record<KeyListName, Uint8Array>;
/** A shard record's content: a key table's keys as bytes. */
export type StoredShard = { bytes: Uint8Array } | { keys: Uint8Array; data: Uint32Array };

/** `shardTarget`: bytes per shard (the tests make small packs' shards small). */
export function toIndexBytes(index: StoredIndex, shardTarget?: number): { head: StoredIndexBytes; shards: StoredShard[] } {
  const enc = new TextEncoder();
  const { head: h, shards } = splitIndex(index, shardTarget);
  const head = { ...h } as unknown as StoredIndexBytes;
  for (const k of KEY_LISTS) head[k] = enc.encode(h[k]);
  return { head, shards: shards.map((s) => ('bytes' in s ? s : { keys: enc.encode(s.keys), data: s.data })) };
}

/**
 * The stored index from its head record, its shards still to be read (`gaps`). A record of an
 * older form (key lists as strings, or no shards) is given back as it is: its version is not this
 * one, so it is refused and rebuilt.
 */
export function fromIndexBytes(stored: StoredIndexBytes | StoredIndex): StoredIndex {
  if (!(stored.terms instanceof Uint8Array) || !(stored as StoredIndexBytes).shards) return stored as StoredIndex;
  const dec = new TextDecoder();
  const head = { ...stored } as unknown as IndexHead;
  for (const k of KEY_LISTS) head[k] = dec.decode((stored as StoredIndexBytes)[k]);
  return fromHead(head);
}

/** A shard as the index takes it, from its record. */
export function fromShardBytes(s: StoredShard): ShardPayload {
  return 'bytes' in s ? s : { keys: new TextDecoder().decode(s.keys), data: s.data };
}
