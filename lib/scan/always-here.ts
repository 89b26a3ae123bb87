/**
 * "Always explain pages on this site", the background side. Off for every site until the reader
 * turns it on for one (the popup or Settings ask the browser for that one site's permission,
 * `*://site/*`, declared optional in the manifest). For the sites on the list whose permission is
 * held, one content script is registered (scripting.registerContentScripts: the browser runs it
 * as those pages load; the background is not woken for other sites) that marks the page as the
 * popup button would. Turning it off unregisters, forgets the site and gives the permission back;
 * a permission taken back in the browser's own settings turns it off too.
 */
import { browser } from 'wxt/browser';
import { isSite, siteOf, siteOfPattern, sitePattern } from '../../core/scan/site';
import { readAlwaysSites, updateAlwaysSites } from './always-here-store';

export const ALWAYS_SCRIPT_ID = 'ol-always-explain';
/** Sets the "start by yourself" flag, then the page-scan script runs (entrypoints/page-scan-auto.ts). */
export const ALWAYS_SCRIPTS = ['page-scan-auto.js', 'page-scan.js'];
/** How long a site asked for waits for the browser's grant (the prompt may close the popup that asked). */
const ASK_MS = 5 * 60_000;

const held = (site: string) => browser.permissions.contains({ origins: [sitePattern(site)] }).catch(() => false);

/** Registers the one content script for `sites` (or removes it when there are none). */
async function register(sites: readonly string[]): Promise<void> {
  const s = browser.scripting;
  const existing = await s.getRegisteredContentScripts({ ids: [ALWAYS_SCRIPT_ID] }).catch(() => []);
  if (!sites.length) {
    if (existing.length) await s.unregisterContentScripts({ ids: [ALWAYS_SCRIPT_ID] });
    return;
  }
  const script = { id: ALWAYS_SCRIPT_ID, js: ALWAYS_SCRIPTS, matches: sites.map(sitePattern), runAt: 'document_idle' as const, allFrames: false };
  const same = existing[0]?.matches?.join(' ') === script.matches.join(' ') && existing[0]?.js?.join(' ') === script.js.join(' ');
  if (same) return; // each background start checks; most find nothing to change
  if (existing.length) await s.updateContentScripts([script]);
  else await s.registerContentScripts([script]);
}

export function setupAlwaysHere() {
  const asked = new Map<string, number>();
  let active: Promise<string[]> = Promise.resolve([]);

  /** Registers for the listed sites whose permission is held; the result is what may mark itself. */
  const sync = (): Promise<string[]> =>
    (active = active.catch((): string[] => []).then(async () => {
      const sites: string[] = [];
      for (const site of await readAlwaysSites()) if (await held(site)) sites.push(site);
      await register(sites).catch((err: unknown) => console.warn('[Ordinance Lens] always-here registration failed', err));
      return sites;
    }));

  async function turnOn(site: string): Promise<{ ok: boolean; reason?: string }> {
    if (!isSite(site)) return { ok: false, reason: 'not-a-site' };
    asked.set(site, Date.now());
    if (!(await held(site))) return { ok: false, reason: 'no-permission' };
    asked.delete(site);
    await updateAlwaysSites((l) => [...l, site]);
    const sites = await sync();
    return sites.includes(site) ? { ok: true } : { ok: false, reason: 'not-registered' };
  }

  async function turnOff(site: string): Promise<{ ok: boolean; permissionRemoved: boolean }> {
    asked.delete(site);
    await updateAlwaysSites((l) => l.filter((s) => s !== site));
    await sync();
    // A required permission (the e2e build's) cannot be given back: say so rather than fail.
    const permissionRemoved = await browser.permissions.remove({ origins: [sitePattern(site)] }).catch(() => false);
    return { ok: true, permissionRemoved };
  }

  browser.permissions.onAdded.addListener((p) => {
    const now = Date.now();
    const sites = (p.origins ?? []).map(siteOfPattern).filter((s): s is string => !!s && now - (asked.get(s) ?? -Infinity) <= ASK_MS);
    if (sites.length) void Promise.all(sites.map(turnOn)).catch(() => undefined);
  });
  browser.permissions.onRemoved.addListener(() => {
    void (async () => {
      const gone: string[] = [];
      for (const site of await readAlwaysSites()) if (!(await held(site))) gone.push(site);
      if (gone.length) await updateAlwaysSites((l) => l.filter((s) => !gone.includes(s))).catch(() => undefined);
      await sync();
    })();
  });
  void sync(); // each start: registrations follow the list and the grants

  return {
    turnOn,
    turnOff,
    /** May the page at `url` (frame 0) send its text without a request from the reader? */
    allows: async (url: string | undefined): Promise<boolean> => {
      const site = siteOf(url);
      return !!site && (await active.catch((): string[] => [])).includes(site);
    },
    /** For tests: the registered script's patterns. */
    registered: async () => (await browser.scripting.getRegisteredContentScripts({ ids: [ALWAYS_SCRIPT_ID] }).catch(() => [])).flatMap((s) => s.matches ?? []),
  };
}
