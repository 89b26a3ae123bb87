/**
 * "Always explain pages on this site" in real Firefox (firefox-esr, production MV2 and MV3
 * builds, no test hook): nothing is granted at install; with the site's permission given (by the
 * browser's own permission store, standing in for the reader's "Allow" on Firefox's prompt, which
 * BiDi cannot click), Settings → Add site registers the script and the site's pages are marked as
 * they load; Stop unregisters it and gives the permission back (here it is optional, so Firefox
 * removes it), and the page loads unmarked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { trustFixtures } from '../trust/lib/server';
import type { FixtureServer } from '../support/fixture-server';
import { GECKO_ID, FIREFOX_BUILDS, launchFirefoxBuild, until, type FirefoxLens } from '../support/firefox';

let server: FixtureServer;
beforeAll(async () => {
  server = await trustFixtures().start();
});
afterAll(async () => {
  await server?.stop();
});

const ORIGIN = '*://127.0.0.1/*';
const markCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) if (!name.endsWith('-current')) n += hl.size;
    return n;
  });

describe.each(FIREFOX_BUILDS)('%s: always explain pages on this site', (_name, build) => {
  let ff: FirefoxLens;
  beforeAll(async () => {
    ff = await launchFirefoxBuild(build);
  });
  afterAll(async () => {
    await ff?.close();
  });

  const granted = () => ff.chrome<string[]>(`WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).allowedOrigins.patterns.map((p) => p.pattern)`);

  it('asks for no site at install, marks the site once it is added in Settings, and Stop gives the permission back', async () => {
    expect(await granted()).not.toContain(ORIGIN);
    // The reader's "Allow" on Firefox's own prompt, given through the browser's permission store.
    await ff.chrome(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
      await ExtensionPermissions.add(policy.id, { permissions: [], origins: [${JSON.stringify(ORIGIN)}] }, policy.extension);
      return true;
    })()`);
    expect(await granted()).toContain(ORIGIN);

    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('[data-ol="always-none"]');
    await options.type('#set-always-site', '127.0.0.1');
    await options.click('[data-ol="always-add"]');
    const status = () => options.$eval('[data-ol="always-status"]', (e) => (e as HTMLElement).textContent ?? '');
    expect(await until(status, (s) => s !== '')).toBe('Pages on 127.0.0.1 will be explained as they load.');

    const page = await ff.browser.newPage();
    await page.goto(server.url('plain.html'), { waitUntil: 'load' });
    expect(await until(() => markCount(page), (n) => n >= 2)).toBeGreaterThanOrEqual(2);
    await page.close();

    await options.click('[data-ol="always-stop"]');
    expect(await until(status, (s) => s.startsWith('Stopped'))).toBe('Stopped on 127.0.0.1; its permission was given back.');
    expect(await until(granted, (g) => !g.includes(ORIGIN))).not.toContain(ORIGIN);
    const again = await ff.browser.newPage();
    await again.goto(server.url('plain.html'), { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await markCount(again)).toBe(0);
    await again.close();
    await options.close();
    expect(ff.requests.filter((r) => r !== 'CONNECT firefox.settings.services.mozilla.com:443')).toEqual([]);
  });
});
