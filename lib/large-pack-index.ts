/**
 * The search index of everything the background searches, built where a large pack was just
 * checked and stored (the import worker, lib/large-pack-worker.ts; the page when no worker
 * starts) and stored under the key the background checks (lib/large-packs.ts). On
 * `packsChanged` the background then finds it and loads it instead of building it.
 *
 * Why here: in Firefox the background runs on the main thread the settings page paints on, and
 * building the D.C. Code's index there froze the page for 14–17 s (decision 0011). The worker
 * already holds the pack in memory; it reads only the other large packs whole.
 *
 * The same functions as the background's (readSearchedPacks; entryTable and buildIndex, as
 * lib/lookup-service.ts builds; keepIndex): the same packs in the same order, so the same key
 * and the same fingerprint. Not the lookup service itself: its views and as-you-type search
 * would double the worker's script for nothing. What a worker cannot read (storage.local: the
 * small packs; runtime: the version; the bundled packs, built into the background) the page
 * hands it. Only the worker runs this (its script imports it): where no worker starts, the page
 * checks and stores, and the background builds the index, as before; the settings page's
 * bundle stays without the engine.
 */
import type { Pack } from '../core/schema/pack';
import { buildIndex, serializeIndex, toStoredIndex } from '../core/search/index';
import { entryTable } from './entry-table';
import { keepIndex, readSearchedPacks, type SearchedPacks } from './large-packs';
import type { StoredPack } from './storage/user-packs';
import type { LargePackMeta } from './storage/pack-db';
import type { ImportProgress } from './large-pack-import';

/** What the builder needs from the page. */
export interface IndexInput {
  extensionVersion: string;
  /** The small imported packs, as storage.local holds them (in its order). */
  small: readonly StoredPack[];
  /** The bundled packs, as the background has them. */
  bundled: readonly Pack[];
}

/**
 * Builds and stores the index for the packs as they are once `stored` is in. A small pack of the
 * same id is left out: the page removes it next (lib/large-pack-import.ts), so the key is the one
 * the background will form. Returns whether an index was stored; never throws (the background
 * then builds it, as before).
 */
export async function buildIndexAfterStore(input: IndexInput, stored: { meta: LargePackMeta; entries: Pack['entries'] }, onProgress: (p: ImportProgress) => void): Promise<boolean> {
  try {
    onProgress({ stage: 'indexing', fraction: 0.72, label: 'Reading the packs for the search index…' });
    const small = input.small.filter((s) => s.pack.id !== stored.meta.id);
    const got = await readSearchedPacks(input.extensionVersion, true, { small, have: stored });
    // A large pack not read whole: an index built now would miss it (the background reads again).
    if (!got.large || !got.complete) return false;
    onProgress({ stage: 'indexing', fraction: 0.75, label: 'Building the search index (a minute at most for a whole code)…' });
    await buildAndKeep(input, got);
    return true;
  } catch (err) {
    console.warn('[Ordinance Lens] search index not built with the import, the background will:', String(err));
    return false;
  }
}

/** As the lookup service builds it (`ensure`): bundled packs first, then the imported ones; stored under got.key. */
async function buildAndKeep(input: IndexInput, got: SearchedPacks): Promise<void> {
  const table = entryTable(input.bundled, got.packs);
  const built = buildIndex(table.all);
  // Stores it under got.key (and rewrites briefs stored before the columns).
  await keepIndex({ storedIndex: () => toStoredIndex(built, table.fingerprint), serializedIndex: () => JSON.stringify(serializeIndex(built)) }, got, () => true);
}

/**
 * Builds and stores the index for the packs as stored now: what Firefox's background asks of a
 * worker when the packs changed otherwise than by a large import (a small pack imported or
 * removed beside a large one, a large one removed, an extension update), since building it on
 * the background's thread froze the settings page (decision 0011). Never throws.
 */
export async function buildIndexNow(input: IndexInput): Promise<boolean> {
  try {
    const got = await readSearchedPacks(input.extensionVersion, true, { small: input.small });
    if (!got.large || !got.complete) return false;
    await buildAndKeep(input, got);
    return true;
  } catch (err) {
    console.warn('[Ordinance Lens] search index not built in a worker, the background will:', String(err));
    return false;
  }
}
