/**
 * Loads the packs the reader imported into the lookup service, at worker start and whenever
 * they change; every handler that reads the index awaits `ready()` first.
 *
 * Their index is cached in storage.session (lib/storage/index-cache.ts), so a restarted worker
 * loads it instead of rebuilding; a fresh build is cached after the worker has answered. Only
 * the newest read wins: a slow read that a later change overtook is dropped.
 */
import { browser } from 'wxt/browser';
import { readUserPacks } from '../storage/user-packs';
import { clearIndexCache, indexCacheKey, readIndexCache, writeIndexCache } from '../storage/index-cache';
import { KEYS } from '../storage/area';
import type { LookupService } from '../lookup-service';

export interface PackLoader {
  /** Resolves once the latest read of the imported packs is in the service. Never rejects. */
  ready(): Promise<void>;
}

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

export function createPackLoader(service: LookupService): PackLoader {
  let generation = 0;
  const cacheIndex = (key: string, gen: number) => {
    if (gen !== generation) return;
    try {
      void writeIndexCache(key, service.serializedIndex());
    } catch (err) {
      console.debug('[Ordinance Lens] index not cached:', String(err)); // a timer task: nothing awaits it
    }
  };
  // `changed`: the packs changed while this worker ran (at start there is nothing to forget: a
  // cache is only ever read under its own key).
  const load = async (changed: boolean): Promise<void> => {
    const gen = ++generation;
    const stored = await readUserPacks(); // never throws, nor do the cache helpers
    const key = indexCacheKey(extensionVersion(), stored);
    const cached = stored.length ? await readIndexCache(key) : undefined;
    if (gen !== generation) return;
    service.setUserPacks(stored.map((s) => s.pack), cached);
    if (!stored.length && changed) void clearIndexCache();
    if (stored.length && !cached) setTimeout(() => cacheIndex(key, gen), 0);
  };
  let latest = load(false);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.userPacks in changes) latest = load(true);
  });
  return { ready: () => latest };
}
