import { browser } from 'wxt/browser';

/** The manifest's version, or undefined where there is no manifest to read (never throws). */
export function extensionVersion(): string | undefined {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return undefined;
  }
}
