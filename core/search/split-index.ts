/**
 * Cuts a stored index's postings, phrase table and citation table into shards (index-shards.ts),
 * and puts a partly read index together again: what is read at start (the head) plus the shards
 * filled in as lookups need them.
 */
import type { StoredIndex } from './stored-index';
import { bounds, IndexShards, type ShardLayout, type ShardPayload } from './index-shards';
import { JoinedKeys } from './keys';

/** The stored index without what its shards hold (those fields are empty). */
export type IndexHead = Omit<StoredIndex, 'postBytes' | 'phraseKeys' | 'phraseData' | 'citeKeys' | 'citeData' | 'gaps'> & { shards: ShardLayout };

/** A key table's shards: about `target` bytes of keys and data each. */
function tableShards(keys: string, ends: Uint32Array, start: Uint32Array, data: Uint32Array, target?: number): { b: Uint32Array; first: string[]; payloads: ShardPayload[] } {
  const joined = new JoinedKeys(keys, ends);
  const keyAt = (i: number) => (i ? ends[i - 1]! + 1 : 0);
  const b = bounds(ends.length, (i) => keyAt(i) + 4 * start[i]!, target);
  const first: string[] = [];
  const payloads: ShardPayload[] = [];
  for (let s = 0; s + 1 < b.length; s++) {
    first.push(joined.at(b[s]!)!);
    payloads.push({ keys: keys.slice(keyAt(b[s]!), ends[b[s + 1]! - 1]), data: data.slice(start[b[s]!], start[b[s + 1]!]) });
  }
  return { b, first, payloads };
}

/** The head and the shards (postings, then phrases, then citations) of `index`. `target`: bytes per shard. */
export function splitIndex(index: StoredIndex, target?: number): { head: IndexHead; shards: ShardPayload[] } {
  const { postBytes, phraseKeys, phraseData, citeKeys, citeData, gaps: _, ...rest } = index;
  const post = bounds(index.postStart.length - 1, (t) => index.postStart[t]!, target);
  const phrases = tableShards(phraseKeys, index.ends.phraseKeys, index.phraseStart, phraseData, target);
  const cites = tableShards(citeKeys, index.ends.citeKeys, index.citeStart, citeData, target);
  const postShards: ShardPayload[] = [];
  for (let s = 0; s + 1 < post.length; s++) postShards.push({ bytes: postBytes.slice(index.postStart[post[s]!], index.postStart[post[s + 1]!]) });
  const shards: ShardLayout = { postings: post, phrases: phrases.b, phraseFirst: phrases.first, cites: cites.b, citeFirst: cites.first };
  return { head: { ...rest, shards }, shards: [...postShards, ...phrases.payloads, ...cites.payloads] };
}

/** A stored index from its head, its shards still to be read (`gaps`: fill them before a lookup uses them). */
export function fromHead(head: IndexHead): StoredIndex {
  const { shards: layout, ...rest } = head;
  const last = (a: Uint32Array) => a[a.length - 1] ?? 0;
  const parts = {
    postStart: head.postStart,
    postBytes: new Uint8Array(last(head.postStart)),
    phraseStart: head.phraseStart,
    phraseData: new Uint32Array(last(head.phraseStart)),
    citeStart: head.citeStart,
    citeData: new Uint32Array(last(head.citeStart)),
    terms: new JoinedKeys(head.terms, head.ends.terms),
    phraseEnds: head.ends.phraseKeys,
    citeEnds: head.ends.citeKeys,
  };
  const gaps = new IndexShards(layout, parts);
  return { ...rest, postBytes: parts.postBytes, phraseKeys: '', phraseData: parts.phraseData, citeKeys: '', citeData: parts.citeData, gaps };
}
