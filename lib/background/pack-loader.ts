/**
 * Loads the packs the reader imported into the lookup service, at worker start and whenever
 * they change; every handler that reads the index awaits `ready()` first.
 *
 * Small packs live in storage.local (a change event reloads them), large ones in IndexedDB
 * (the settings page says so with `packsChanged`, which calls `reload(true)`). Their index is
 * kept (lib/large-packs.ts: storage.session for small packs, IndexedDB beside large ones), so a
 * restarted worker loads it instead of rebuilding; a fresh build is kept after the worker has
 * answered, or at once when `buildNow`. Only the newest read wins: a slow read that a later
 * change overtook is dropped.
 */
import { browser } from 'wxt/browser';
import { clearIndexCache } from '../storage/index-cache';
import { KEYS } from '../storage/area';
import type { LookupService } from '../lookup-service';
import { keepIndex, loadSearchedPacks } from '../large-packs';
import { extensionVersion } from '../extension-version';
import { readAllShards } from '../index-shard-reads';
import { reindexInWorker } from '../large-pack-client';
import { readUserPacks } from '../storage/user-packs';

export interface PackLoader {
  /** Resolves once the latest read of the imported packs is in the service, its index's shards and all. Never rejects. */
  ready(): Promise<void>;
  /**
   * Resolves once a lookup can be answered through `lookupWhole` (lib/large-packs.ts), which reads
   * the index shards it needs (lib/index-shard-reads.ts): the first answer waits for those only.
   */
  answerable(): Promise<void>;
  /** Reads the packs again (a large pack was stored or removed); with `buildNow`, builds and keeps their index before resolving. */
  reload(buildNow: boolean): Promise<void>;
}

/**
 * Builds and stores the index in the import worker where the background can start one: Firefox's
 * background page runs on the thread the settings page paints on, and a whole code's index took
 * 12–15 s there (decision 0011). Chromium's service worker has no `Worker` (and its own thread).
 */
async function builtInWorker(service: LookupService): Promise<boolean> {
  if (typeof Worker !== 'function') return false;
  return reindexInWorker({ extensionVersion: extensionVersion(), small: await readUserPacks(), bundled: service.bundledPacks() });
}

export function createPackLoader(service: LookupService): PackLoader {
  let generation = 0;
  // `changed`: the packs changed while this worker ran (at start there is nothing to forget: a
  // cache is only ever read under its own key).
  const load = async (changed: boolean, buildNow = false): Promise<void> => {
    const gen = ++generation;
    const current = () => gen === generation;
    const got = await loadSearchedPacks(service, extensionVersion(), current); // never throws
    if (!got) return;
    if (!got.packs.length && changed) void clearIndexCache();
    if (got.index || !got.packs.length) return;
    // Firefox: a large pack's index is built in a worker, then loaded from the store.
    if (got.large && got.complete && (await builtInWorker(service))) {
      if (current()) await loadSearchedPacks(service, extensionVersion(), current);
      return;
    }
    if (buildNow) await keepIndex(service, got, current);
    else setTimeout(() => current() && void keepIndex(service, got, current), 0); // a timer task: after the worker has answered
  };
  let latest = load(false);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.userPacks in changes) latest = load(true);
  });
  return {
    ready: () => latest.then(readAllShards),
    answerable: () => latest,
    reload: (buildNow) => (latest = load(true, buildNow)),
  };
}
