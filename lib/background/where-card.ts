/**
 * Where a card may go: pages no extension script may enter (browser pages, the web stores, the
 * PDF viewer) and pages where the reader turned the card off open the lookup in the side panel.
 * Decided from the URL alone, so the caller can still open the panel inside the user gesture.
 */
import { browser } from 'wxt/browser';
import type { Settings } from '../storage/settings';
import { hostOfUrl } from '../storage/sites';

const RESTRICTED = [
  /^(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|devtools|view-source|chrome-search|chrome-untrusted|resource|data|blob|file):/i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org/i,
];
const PDF_URL = /\.pdf($|[?#])/i;
const PDF_VIEWER = /^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//;

/** Why no card can go on this URL, or undefined when one can (injection may still fail). */
export function cardBlockedReason(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (PDF_URL.test(url) || PDF_VIEWER.test(url)) return 'pdf';
  if (RESTRICTED.some((r) => r.test(url))) return 'restricted';
  return undefined;
}

/** The page's host as per-site settings store it (no trailing dot: lib/storage/sites.ts). */
export const hostOf = hostOfUrl;

/** Is the card turned off for this page (everywhere, or this site or a parent domain)? */
export function cardOffFor(settings: Settings, url: string | undefined): boolean {
  if (!settings.cardEnabled) return true;
  const host = hostOf(url);
  if (!host) return false;
  return settings.disabledSites.some((s) => host === s || host.endsWith('.' + s));
}

/** Firefox has a sidebar where Chrome has a side panel. */
export const isFirefox = () => typeof (browser as unknown as { sidebarAction?: unknown }).sidebarAction !== 'undefined';
