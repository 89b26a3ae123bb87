/**
 * The extension's version: it stands for the bundled packs in the index's key (they change only
 * with the extension). Read by the background and by the settings page, which hands it to the
 * import worker (a worker has no `runtime`).
 */
import { browser } from 'wxt/browser';

export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}
