/**
 * "Explain this page" in real Firefox (firefox-esr, production MV2 and MV3 builds, no test hook):
 * the real keyboard command (Alt+Shift+E) marks the page's pack names through the CSS Custom
 * Highlight API, the page's markup is untouched while they are on, and the command again clears
 * them: the page ends byte for byte as it began.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { trustFixtures } from '../trust/lib/server';
import type { FixtureServer } from '../support/fixture-server';
import { FIREFOX_BUILDS, launchFirefoxBuild, until, type FirefoxLens } from '../support/firefox';

let server: FixtureServer;
beforeAll(async () => {
  server = await trustFixtures().start();
});
afterAll(async () => {
  await server?.stop();
});

/** Presses Alt+Shift+E as Firefox's own key handler does. */
async function pressExplainPage(ff: FirefoxLens): Promise<void> {
  const ok = await ff.chrome<boolean>(
    `(() => { const k = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] > key')].find((e) => (e.getAttribute('key') || '').toUpperCase() === 'E'); if (!k) return false; k.doCommand(); return true; })()`,
  );
  if (!ok) throw new Error('no key element for "Explain this page"');
}

/** The marked words as the page itself sees them in its highlight registry. */
function marked(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, hl] of reg) if (!name.endsWith('-current')) for (const r of hl) out.push(r.toString());
    return out.sort();
  });
}

describe.each(FIREFOX_BUILDS)('%s: explain this page', (_name, build) => {
  let ff: FirefoxLens;
  beforeAll(async () => {
    ff = await launchFirefoxBuild(build);
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('marks the page with the real shortcut without touching its markup, and clears it exactly', async () => {
    const page = await ff.browser.newPage();
    try {
      await page.goto(server.url('plain.html'), { waitUntil: 'load' });
      const before = await page.evaluate(() => document.body.outerHTML);
      await pressExplainPage(ff);
      const words = await until(() => marked(page), (w) => w.length >= 2);
      expect(words).toEqual(expect.arrayContaining(['detainer requests']));
      expect(words.some((w) => w.includes('19.30'))).toBe(true);
      expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
      await pressExplainPage(ff);
      expect(await until(() => marked(page), (w) => w.length === 0)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.outerHTML.includes('x-'))).toBe(false);
      expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
      // Firefox's own Remote Settings (refused by the test proxy) is the only traffic allowed.
      expect(ff.requests.filter((r) => r !== 'CONNECT firefox.settings.services.mozilla.com:443')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
