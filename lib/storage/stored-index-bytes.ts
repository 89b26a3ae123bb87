/**
 * The stored index (core/search/stored-index.ts) as the browser database keeps it: its four key
 * lists as UTF-8 bytes instead of strings. A string comes out of IndexedDB as two bytes a
 * character as soon as one key holds a character past Latin-1 (a "μ" among the D.C. Code's
 * terms), or was cut from text that did: 5.4 of the D.C. index's 10 MB were its key lists. As
 * bytes they are 2.7 MB, copied out as one block each, and decoded to strings in a few
 * milliseconds. Decision 0011.
 */
import type { StoredIndex } from '../../core/search/index';

const KEY_LISTS = ['terms', 'phraseKeys', 'citeKeys', 'words'] as const;
type KeyListName = (typeof KEY_LISTS)[number];

export type StoredIndexBytes = Omit<StoredIndex, KeyListName> & Record<KeyListName, Uint8Array>;

export function toIndexBytes(index: StoredIndex): StoredIndexBytes {
  const enc = new TextEncoder();
  const out = { ...index } as unknown as StoredIndexBytes;
  for (const k of KEY_LISTS) out[k] = enc.encode(index[k]);
  return out;
}

/**
 * The stored index from what the database holds. A record of an older form (key lists as
 * strings) is given back as it is: its version is not this one, so it is refused and rebuilt.
 */
export function fromIndexBytes(stored: StoredIndexBytes | StoredIndex): StoredIndex {
  if (!(stored.terms instanceof Uint8Array)) return stored as StoredIndex;
  const dec = new TextDecoder();
  const out = { ...stored } as unknown as StoredIndex;
  for (const k of KEY_LISTS) out[k] = dec.decode((stored as StoredIndexBytes)[k]);
  return out;
}
