/**
 * Promise 1, live: nothing leaves the machine. Chromium with the e2e build, its net log on, and
 * Playwright watching every request of the browser context, while the extension starts, looks
 * things up on several pages, opens popup, side panel and options (with searches), and the
 * reader follows a source link from the card.
 *
 * Counted as "requests observed": any request by the service worker or an extension page to
 * anything but the extension's own files; any request by a fixture page to anything but the
 * fixture server (a content script's request would show up there); any net-log request whose
 * initiator is chrome-extension://<id>. The source-link navigation is the reader's own and is
 * not counted, but it must carry no Referer ("referer headers"), open with no opener, and the
 * link must say rel="noopener noreferrer" and referrerpolicy="no-referrer".
 * Extension pages must report no CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launchLens, netLogRequests, sendFromPage, type Lens } from '../support/lens-browser';
import { cardEval, cardPoint, selectTarget, waitForCard, waitForNoCard } from '../support/lens-card';
import { recordFigures } from './lib/figures';
import { trustFixtures } from './lib/server';
import type { FixtureServer } from '../support/fixture-server';

let lens: Lens;
let server: FixtureServer;
const seen: { url: string; from: string; referer?: string; navigation: boolean }[] = [];
const cspViolations: string[] = [];
let sourceNavigations: { url: string; referer?: string; documentReferrer?: string; opener?: boolean }[] = [];
let linkAttrs: { href: string; rel: string; referrerpolicy: string | null; target: string | null }[] = [];

function origin(req: Request): string {
  if (req.serviceWorker()) return `service-worker ${req.serviceWorker()!.url()}`;
  try {
    return req.frame().url();
  } catch {
    return 'unknown';
  }
}

beforeAll(async () => {
  server = await trustFixtures().start();
  lens = await launchLens({ netLog: true });
  lens.ctx.on('request', (req) => {
    seen.push({ url: req.url(), from: origin(req), ...(req.headers().referer ? { referer: req.headers().referer } : {}), navigation: req.isNavigationRequest() });
  });
  // The outside world, offline: answer any http(s) request that is not a fixture with a blank page.
  await lens.ctx.route(
    (url) => /^https?:/.test(url.href) && !url.href.startsWith(server.origin1) && !url.href.startsWith(server.origin2),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>source</title><p>source</p>' }),
  );
});

afterAll(async () => {
  await server?.stop();
});

function watchCsp(page: Page) {
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|connect|evaluate|apply)/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
}

describe('the network', () => {
  it('sees no request from the extension while it starts, looks up, opens its pages and follows a source link', async () => {
    const ext = `chrome-extension://${lens.extensionId}/`;
    // 1. Lookups on several pages.
    for (const [path, sel] of [['plain.html', '#target'], ['unicode.html', '#target'], ['iframes.html', '#target'], ['strict-csp.html', '#target'], ['editable.html', '#target']] as const) {
      const page = await lens.ctx.newPage();
      await page.goto(server.url(path));
      const text = await selectTarget(page, sel);
      await lens.lookupInActiveTab(page, text);
      await waitForCard(page);
      await page.keyboard.press('Escape');
      await waitForNoCard(page);
      await page.close();
    }
    // 2. The extension's own pages, with searches.
    for (const path of ['popup.html?q=%C2%A7%2019.30', 'sidepanel.html', 'options.html', 'popup.html?q=detainer']) {
      const page = await lens.ctx.newPage();
      watchCsp(page);
      await page.goto(ext + path);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await sendFromPage(page, { type: 'lookup', text: 'sanctuary ordinance 287(g)', source: 'popup' });
      await page.waitForTimeout(300);
      await page.close();
    }
    // 3. Follow a source link from the card.
    const page = await lens.ctx.newPage();
    await page.goto(server.url('plain.html'));
    await lens.lookupInActiveTab(page, await selectTarget(page, '#target'));
    await waitForCard(page);
    linkAttrs = await cardEval(page, (r) =>
      Array.from(r.querySelectorAll('a[href]')).map((a) => ({ href: a.getAttribute('href') ?? '', rel: a.getAttribute('rel') ?? '', referrerpolicy: a.getAttribute('referrerpolicy'), target: a.getAttribute('target') })),
    );
    const external = linkAttrs.filter((a) => /^https?:/.test(a.href));
    expect(external.length, 'the card shows source links').toBeGreaterThan(0);
    const point = await cardPoint(page, 'a[href^="http"]');
    expect(point).not.toBeNull();
    const [popup] = await Promise.all([lens.ctx.waitForEvent('page', { timeout: 10_000 }), page.mouse.click(point!.x, point!.y)]);
    await popup.waitForLoadState('load').catch(() => undefined);
    const nav = seen.filter((s) => s.navigation && s.url === popup.url());
    sourceNavigations = [
      {
        url: popup.url(),
        ...(nav[0]?.referer ? { referer: nav[0].referer } : {}),
        documentReferrer: await popup.evaluate(() => document.referrer),
        opener: await popup.evaluate(() => window.opener !== null),
      },
    ];
    await popup.close();
    await page.close();
    await new Promise((ok) => setTimeout(ok, 500));
    await lens.close(); // finishes the net log

    const sourceUrls = new Set(sourceNavigations.map((s) => s.url));
    const fixture = (u: string) => u.startsWith(server.origin1) || u.startsWith(server.origin2);
    const leaks = seen.filter((s) => {
      if (s.url.startsWith(ext) || s.url.startsWith('data:') || s.url === 'about:blank') return false;
      if (s.from.startsWith('service-worker') || s.from.startsWith('chrome-extension:')) return true;
      if (sourceUrls.has(s.url)) return false; // the reader's own navigation
      return !fixture(s.url);
    });
    const netlog = netLogRequests(lens.netLogFile!, `chrome-extension://${lens.extensionId}`);
    const referers = sourceNavigations.filter((s) => s.referer || s.documentReferrer).length;
    const badLinks = external.filter((a) => !/\bnoreferrer\b/.test(a.rel) || !/\bnoopener\b/.test(a.rel) || a.referrerpolicy !== 'no-referrer');
    const openers = sourceNavigations.filter((s) => s.opener).length;
    recordFigures('network', {
      requests: leaks.length + netlog.length,
      referers,
      cspViolations: cspViolations.length,
      playwrightRequests: seen.length,
      leaks,
      netlogExtensionRequests: netlog,
      sourceNavigations,
      linksChecked: external.length,
      badLinks,
      openers,
      cspMessages: cspViolations,
    });
    expect(leaks).toEqual([]);
    expect(netlog).toEqual([]);
    expect(referers).toBe(0);
    expect(openers).toBe(0);
    expect(badLinks).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
