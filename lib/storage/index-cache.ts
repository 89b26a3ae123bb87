/**
 * The search index of bundled + imported entries, cached in storage.session between service-
 * worker starts. MV3 stops an idle worker after about 30 s, so most lookups start a fresh one;
 * with imported packs it would rebuild the index each time (0.25 s at 1,000 imported entries,
 * 0.73 s at 5,900). storage.session lives in memory only, is cleared when the browser or the
 * extension restarts, has its own quota (apart from the packs in storage.local) and is not
 * readable by content scripts.
 *
 * The key names exactly what the index was built from: each imported pack's id, version and
 * import time (a re-import gets a new time), and the extension's version for the bundled packs. A cache that is
 * missing, stale, damaged or over quota is simply not used: the index is built as before.
 */
import { browser } from 'wxt/browser';
import { INDEX_VERSION } from '../../core/search/index';
import type { StoredPack } from './user-packs';
import { SESSION_KEYS } from './keys';

const SESSION_KEY = SESSION_KEYS.indexCache;

interface CachedIndex {
  key: string;
  index: string;
}

/** `extensionVersion` stands for the bundled packs: they change only with the extension. */
export function indexCacheKey(extensionVersion: string, imported: readonly StoredPack[]): string {
  const parts = [
    `index v${INDEX_VERSION}`,
    `extension ${extensionVersion}`,
    ...imported.map((s) => `imported ${s.pack.id}@${s.pack.version}@${s.importedAt}`),
  ];
  return parts.join('|');
}

/** The cached serialized index for `key`, or undefined. Never throws. */
export async function readIndexCache(key: string): Promise<string | undefined> {
  try {
    const got = (await browser.storage.session.get(SESSION_KEY)) as Record<string, unknown>;
    const c = got[SESSION_KEY] as Partial<CachedIndex> | undefined;
    return c && c.key === key && typeof c.index === 'string' ? c.index : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the index for `key` (replacing any other). Never throws; a refused write is only logged. */
export async function writeIndexCache(key: string, index: string): Promise<void> {
  try {
    await browser.storage.session.set({ [SESSION_KEY]: { key, index } satisfies CachedIndex });
  } catch (err) {
    console.debug('[Ordinance Lens] index not cached:', String(err));
  }
}

/** Forgets the cached index (no imported packs left: the prebuilt bundled index serves). */
export async function clearIndexCache(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY).catch(() => undefined);
}
