/**
 * "Always explain pages on this site", the extension pages' side (popup, Settings): ask the
 * browser for the site's permission inside the reader's click, then tell the background.
 *
 * The permission request must start in the click itself (Firefox refuses it after an `await`),
 * and its prompt may close the popup before the answer comes back: so the background is told
 * at once too, and finishes the job when the browser reports the grant (lib/scan/always-here.ts).
 */
import { browser } from 'wxt/browser';
import { siteOf, sitePattern } from '../../core/scan/site';
import { askScan } from './protocol';

/** Call synchronously from a click handler. Resolves true when the site is on. */
export function askAlwaysHere(site: string): Promise<boolean> {
  let asked: Promise<boolean>;
  try {
    asked = browser.permissions.request({ origins: [sitePattern(site)] });
  } catch {
    asked = Promise.resolve(false);
  }
  void askScan('scan:always-on', { site }).catch(() => undefined);
  return asked
    .catch(() => false)
    .then(async (granted) => granted && !!(await askScan('scan:always-on', { site }).catch(() => null))?.ok);
}

/** Turns it off: the background unregisters, forgets the site and gives the permission back. */
export async function stopAlwaysHere(site: string): Promise<{ ok: boolean; permissionRemoved: boolean }> {
  return (await askScan('scan:always-off', { site }).catch(() => null)) ?? { ok: false, permissionRemoved: false };
}

/** Is it on for `site` now (listed, and the permission held)? */
export async function alwaysHereOn(site: string, listed: readonly string[]): Promise<boolean> {
  return listed.includes(site) && (await browser.permissions.contains({ origins: [sitePattern(site)] }).catch(() => false));
}

/** The site of the tab the popup opened over (its URL is readable through activeTab), or null. */
export async function activeTabSite(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return siteOf(tab?.url);
}
