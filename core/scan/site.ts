/**
 * Sites for "always explain pages here": a site is a host name, and its permission is the match
 * pattern `*://host/*` (http and https, any path). Match patterns carry no port (Firefox refuses
 * one), so a site is every port of its host. Pure: the browser side is lib/scan/always-here.ts.
 */

/** The optional host permission the manifests declare; every site pattern is inside it. */
export const ANY_SITE = '*://*/*';

/** The site of a web page's URL, or null for anything that is not an http(s) page with a host. */
export function siteOf(url: string | undefined): string | null {
  // core/ has no URL class: the scheme, optional user info, the host, an optional port.
  const m = /^https?:\/\/(?:[^@/?#]*@)?(\[[0-9a-f:.]+\]|[^:/?#@[\]]+)(?::\d*)?(?:[/?#]|$)/i.exec(url ?? '');
  const host = m?.[1]?.toLowerCase().replace(/\.$/, '');
  return host && isSite(host) ? host : null;
}

/** A host name we can ask for: letters, digits, dots, hyphens (or an IPv6 literal); no wildcard. */
export function isSite(host: string): boolean {
  return /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$/i.test(host) || /^\[[0-9a-f:.]+\]$/i.test(host);
}

/** The permission pattern of a site. */
export function sitePattern(site: string): string {
  return `*://${site}/*`;
}

/** The site a permission pattern names, or null for a pattern that names many (a wildcard host). */
export function siteOfPattern(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/([^/]+)\/\*?$/.exec(pattern);
  return m && isSite(m[1]!) ? m[1]!.toLowerCase() : null;
}

/** The site as the reader types it in settings ("https://www.example.com/page" → "www.example.com"). */
export function parseSiteInput(input: string): string | null {
  const t = input.trim().toLowerCase();
  if (!t) return null;
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `https://${t}`);
}
