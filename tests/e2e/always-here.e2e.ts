/**
 * "Always explain pages on this site" in real Chromium on the e2e build. Off by default: no
 * script is registered and a page is not marked by itself. Settings → Add site, clicked as a
 * reader clicks, asks the browser for the site's permission; the e2e build already holds
 * *://127.0.0.1/* (its stand-in for activeTab), so Chromium grants it without a prompt, the
 * script is registered and the fixture page is marked as it loads. Stop unregisters it and the
 * page loads unmarked again.
 *
 * Where this stops: Chromium's permission prompt (a site not yet granted) cannot be clicked
 * headless, so the grant itself is the browser's pre-given one; and the e2e build's permission
 * is a required one, so Stop's "give the permission back" is refused by the browser here, which
 * the settings page says in plain words (in a production build the permission is optional and
 * permissions.remove gives it back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, consoleErrors, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Chromeish = { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]> }; storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } };
const registered = async (sw: Worker) => sw.evaluate(() => (globalThis as unknown as Chromeish).chrome.scripting.getRegisteredContentScripts());
const stored = async (sw: Worker) => sw.evaluate(async () => (await (globalThis as unknown as Chromeish).chrome.storage.local.get('alwaysExplainSites')).alwaysExplainSites);

/** How many ranges the page's highlight registry holds (the marks). */
const markCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) if (!name.endsWith('-current')) n += hl.size;
    return n;
  });

describe('always explain pages on this site', () => {
  it('is off by default: nothing registered, nothing stored, a page loads unmarked', async () => {
    const sw = await h.worker();
    expect(await registered(sw)).toEqual([]);
    expect(await stored(sw)).toBeUndefined();
    const page = await h.openFixture('news-article.html');
    await page.waitForTimeout(800);
    expect(await markCount(page)).toBe(0);
    await page.close();
  });

  it('Settings → Add site registers the script for that site, and its pages are marked as they load', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('[data-ol="always-none"]');
    await options.fill('#set-always-site', 'http://127.0.0.1/');
    await options.click('[data-ol="always-add"]');
    await expect.poll(() => options.locator('[data-ol="always-status"]').innerText()).toBe('Pages on 127.0.0.1 will be explained as they load.');
    expect(await options.$$eval('[data-ol="always-sites"] li', (els) => els.map((e) => (e as HTMLElement).dataset.site))).toEqual(['127.0.0.1']);
    mkdirSync(join(OUT, 'screenshots'), { recursive: true });
    await options.locator('[data-ol="always-settings"]').screenshot({ path: join(OUT, 'screenshots', 'always-here-settings.png') });
    const sw = await h.worker();
    const scripts = await registered(sw);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ matches: ['*://127.0.0.1/*'], js: ['page-scan-auto.js', 'page-scan.js'] });

    const page = await h.openFixture('news-article.html');
    await expect.poll(() => markCount(page), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.body.innerText)).toContain('19.30'); // the page itself is untouched
    // The side panel lists what the page marked by itself, as after "Explain this page".
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-id="mpls-19.30"]');
    await panel.close();
    expect(consoleErrors(page)).toEqual([]);
    await page.close();
    await options.close();
  });

  it('Stop unregisters it and says the e2e build keeps its (required) access; pages load unmarked again', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('[data-ol="always-stop"]');
    await options.click('[data-ol="always-stop"]');
    await expect.poll(() => options.locator('[data-ol="always-status"]').innerText()).toMatch(/^Stopped on 127\.0\.0\.1\. The browser keeps/);
    await options.waitForSelector('[data-ol="always-none"]');
    const sw = await h.worker();
    expect(await registered(sw)).toEqual([]);
    expect(await stored(sw)).toBeUndefined(); // the last site stopped leaves no key behind
    const page = await h.openFixture('news-article.html');
    await page.waitForTimeout(1000);
    expect(await markCount(page)).toBe(0);
    await page.close();
    await options.close();
  });
});
