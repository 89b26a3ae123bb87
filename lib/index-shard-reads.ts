/**
 * A stored index's shards read on demand (core/search/index-shards.ts, decision 0011): a restarted
 * worker loads the index's head, reads the shards of a query's words and citations before its
 * first lookup, and the rest after answering. A lookup that noted a shard not read yet is made
 * again once it is read, so answers are those of the whole index.
 */
import type { IndexShards } from '../core/search/index-shards';
import { readIndexShards } from './storage/pack-db';
import type { LookupService } from './lookup-service';
import type { LookupView } from './messages';

interface PartialIndex {
  /** What the index was built from: its shards are stored under this key. */
  key: string;
  gaps: IndexShards;
  /** Reads the packs whole instead (a shard is lost or damaged). */
  whole: () => Promise<unknown>;
  rest?: Promise<void>;
}

/** The service's index, while some of its shards are not read (one service per worker). */
let partial: PartialIndex | undefined;
/**
 * The packs being read whole after a shard could not be read: until then the service still holds
 * the half-read index, so lookups and the handlers that need the whole index wait for it.
 */
let rereading: Promise<unknown> | undefined;

export function setPartialIndex(p: PartialIndex | undefined): void {
  partial = p && !p.gaps.complete ? p : undefined;
}

/** Reads `shards` into `p` (one transaction); false when they could not be read (the packs are then read whole). */
async function readShards(p: PartialIndex, shards: readonly number[]): Promise<boolean> {
  const want = p.gaps.notIn(shards);
  if (!want.length) return true;
  try {
    const bytes = await readIndexShards(p.key, want);
    if (partial === p) want.forEach((s, i) => p.gaps.fill(s, bytes[i]!));
    return true;
  } catch (err) {
    console.warn('[Ordinance Lens] index shards not read, reading the packs whole:', String(err));
    if (partial === p) {
      const whole = p.whole().catch(() => undefined).finally(() => {
        if (rereading === whole) rereading = undefined;
      });
      rereading = whole;
    }
    await rereading;
    return false;
  }
}

type LookupOptions = Parameters<LookupService['lookup']>[1];

/** A lookup as over the whole index: the query's shards read first, then any a lookup noted missing, until one notes none. */
export async function lookupFilled(service: LookupService, text: string, opts: LookupOptions): Promise<LookupView> {
  if (rereading) await rereading;
  const p = partial;
  if (!p) return service.lookup(text, opts);
  await readShards(p, p.gaps.predict(text));
  for (;;) {
    if (partial !== p) return lookupFilled(service, text, opts); // read again meanwhile, or all read
    const view = service.lookup(text, opts);
    const wanted = p.gaps.takeWanted();
    if (!wanted.length) return view;
    await readShards(p, wanted);
  }
}

/** Reads every shard not read yet (once per index). Never throws. */
export function readAllShards(): Promise<void> {
  if (rereading) return rereading.then(() => undefined);
  const p = partial;
  if (!p) return Promise.resolve();
  p.rest ??= readShards(p, p.gaps.notIn()).then(() => {
    if (partial === p && p.gaps.complete) partial = undefined;
  });
  return p.rest;
}
