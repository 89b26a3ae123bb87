/**
 * How much of the browser's storage the extension's origin uses and may use
 * (navigator.storage.estimate: IndexedDB and caches; storage.local is counted apart by the
 * browser). Without `unlimitedStorage` Chromium gives an origin a share of free disk space.
 */
export interface StorageUse {
  usage: number;
  quota: number;
}

/** The estimate, or undefined where the browser gives none. Never throws. */
export async function storageUse(): Promise<StorageUse | undefined> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : undefined;
  } catch {
    return undefined;
  }
}
