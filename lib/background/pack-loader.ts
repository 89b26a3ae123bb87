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
