/**
 * What the extension's own pages (popup, side panel, options) need from the browser, as a lib
 * adapter (components use no browser API
 * themselves: docs/decisions/0007-layers.md). Only wxt/browser is imported, so the popup's first
 * paint still loads no storage code.
 */
import { browser } from 'wxt/browser';

type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** Calls `onChange` when one of `keys` changes in storage `area`; returns the unsubscribe. */
export function watchStorage(area: 'local' | 'session' | 'sync', keys: readonly string[], onChange: (changes: Changes) => void): () => void {
  const listener = (changes: Changes, changedArea: string) => {
    if (changedArea === area && keys.some((k) => k in changes)) onChange(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The manifest's version, or undefined where there is no manifest to read (never throws). */
export function extensionVersion(): string | undefined {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return undefined;
  }
}
