/**
 * Site names for "the card is off on these sites", in the form the page's address is matched in
 * (lib/background/where-card.ts cardOffFor: the page's host name, or a parent domain of it). What readers
 * type is brought to that form, or refused with a reason, so nothing is saved that never matches:
 * a scheme, path or port is dropped ("https://example.com:8080/x" → "example.com"), a non-ASCII
 * host becomes its punycode form ("bücher.de" → "xn--bcher-kva.de", as URL.hostname gives it),
 * a trailing dot goes, and a leading "*." is dropped (a site always covers its subdomains).
 * Other wildcards are refused.
 */
export type SiteCheck = { ok: true; host: string } | { ok: false; reason: string };

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;

export function normalizeSite(input: string): SiteCheck {
  let s = input.trim().toLowerCase();
  if (!s) return { ok: false, reason: 'empty' };
  if (/\s/.test(s)) return { ok: false, reason: `"${input.trim()}" contains a space` };
  if (s.startsWith('*.')) s = s.slice(2);
  if (s.includes('*')) return { ok: false, reason: `"${input.trim()}": a site covers its subdomains already; write it without "*"` };
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(s) ? s : `http://${s}`).hostname;
  } catch {
    return { ok: false, reason: `"${input.trim()}" is not a site name` };
  }
  host = host.replace(/\.+$/, '');
  if (!host || host.length > 253 || !HOST.test(host)) return { ok: false, reason: `"${input.trim()}" is not a site name` };
  return { ok: true, host };
}

/** The host of a page's address in the same form (no trailing dot), or undefined. */
export function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.+$/, '') || undefined;
  } catch {
    return undefined;
  }
}
