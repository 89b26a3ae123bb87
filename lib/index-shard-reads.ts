/**
 * The postings of a stored index read on demand (core/search/posting-shards.ts, decision 0011): a
 * restarted worker loads the index without them, reads the shards of a query's terms before its
 * first lookup, and the rest after answering. A lookup that met a shard not read yet is made
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

/** The service's index, while some of its postings are not read (one service per worker). */
let partial: PartialIndex | undefined;

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
    if (partial === p) await p.whole();
    return false;
  }
}

/**
 * Lookups waiting for the packs to be read, and the shard reads started for them as soon as the
 * index's head is in: the database reads those while it reads the briefs, instead of after.
 */
const expected = new Set<string>();
interface Early {
  key: string;
  gaps: IndexShards;
  reads: Promise<void>[];
}
let early: Early | undefined;

/** A lookup of `text` is about to wait for the packs (called before it waits; lookupFilled forgets it). */
export function expectLookup(text: string): void {
  if (early?.gaps.complete) early = undefined;
  if (early) early.reads.push(readEarly(early, text));
  else expected.add(text);
}

/** The stored index's head is read (or there is none): its shards for the lookups waiting are read now. */
export function headRead(head: { key: string; gaps?: IndexShards } | undefined): void {
  early = head?.gaps && { key: head.key, gaps: head.gaps, reads: [] };
  if (early) for (const text of expected) early.reads.push(readEarly(early, text));
  expected.clear();
}

/** Never throws: a shard not read here is read by the lookup (which also handles its failure). */
async function readEarly(e: Early, text: string): Promise<void> {
  const want = e.gaps.predict(text);
  if (!want.length) return;
  try {
    const got = await readIndexShards(e.key, want);
    want.forEach((s, i) => e.gaps.fill(s, got[i]!));
  } catch {
    // read again by lookupFilled
  }
}

type LookupOptions = Parameters<LookupService['lookup']>[1];

/** A lookup as over the whole index: the query's shards read first, then any a lookup met missing, until it meets none. */
export async function lookupFilled(service: LookupService, text: string, opts: LookupOptions): Promise<LookupView> {
  expected.delete(text);
  const p = partial;
  if (!p) return service.lookup(text, opts);
  if (early?.gaps === p.gaps) await Promise.all(early.reads);
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
export function completePostings(): Promise<void> {
  const p = partial;
  if (!p) return Promise.resolve();
  p.rest ??= readShards(p, p.gaps.notIn()).then(() => {
    if (partial === p && p.gaps.complete) partial = undefined;
  });
  return p.rest;
}
