/**
 * The one way page apps (components/) hear about storage changes: the browser API stays in lib/
 * (docs/decisions/0007-layers.md).
 */
import { browser } from 'wxt/browser';

export type StorageAreaName = 'local' | 'session' | 'sync';
export type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** Calls `listener` when any of `keys` changes in `area`; returns the way to stop listening. */
export function watchStorageKeys(area: StorageAreaName, keys: readonly string[], listener: (changes: StorageChanges) => void): () => void {
  const onChanged = (changes: StorageChanges, changedArea: string) => {
    if (changedArea === area && keys.some((k) => k in changes)) listener(changes);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
