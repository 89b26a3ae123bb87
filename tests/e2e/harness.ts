/**
 * The e2e suite's side of the shared browser harness (tests/support/lens-browser.ts): the
 * extension's e2e build in Chromium with tests/e2e/fixtures served, pages watched for errors,
 * and text selection.
 *
 *   const h = await startHarness();            // loads .output/chrome-mv3-e2e, serves tests/e2e/fixtures
 *   const page = await h.openFixture('news-article.html');
 *   await selectText(page, 'separation ordinance');
 *   const outcome = await h.lookup(page, 'separation ordinance');  // the context-menu handler
 *   const text = await cardText(page);          // reads the CLOSED shadow root through DevTools
 *   await h.close();
 *
 * API:
 * - `startHarness({ fixtures?, build? })` → `Harness`: `ctx`, `extensionId`, `origin`
 *   (http://127.0.0.1:PORT), `url(path)`, `openFixture(path)`, `worker()`, `lookup(page, text?)`,
 *   `openExtensionPage(path)`, `closePanels()`, `close()`.
 * - Selection: `selectText(page, needle, nth?)`, `selectElementText(page, selector)`.
 * - The card (closed shadow root, tests/support/lens-card.ts): `waitForCard(page)`,
 *   `cardEval(page, fn, arg)`, `cardEvalInPage(…)`, `cardText(page)`, `cardClick(page, css)`,
 *   `cardHostCount(page)`.
 * - `consoleErrors(page)`: page errors and console errors collected since the page opened.
 */
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { FixtureServer } from '../support/fixture-server';
import { E2E_BUILD, ROOT, launchLens, type LookupOutcome } from '../support/lens-browser';
export { E2E_BUILD, ROOT, type LookupOutcome };
export { cardClick, cardEval, cardEvalInPage, cardHostCount, cardText, waitForCard } from '../support/lens-card';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const OUT = join(ROOT, '.ci-out');

export interface Harness {
  ctx: BrowserContext;
  extensionId: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  url(path: string): string;
  openFixture(path: string): Promise<Page>;
  /** The live service worker (a fresh handle after a restart). */
  worker(): Promise<Worker>;
  /** Runs the context-menu handler on `page` (made the active tab first). */
  lookup(page: Page, text?: string): Promise<LookupOutcome>;
  /** Opens chrome-extension://ID/<path> as a tab (popup.html, sidepanel.html, options.html). */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes every side-panel page (fallback windows included), so the test tabs' window is the last focused again. */
  closePanels(): Promise<void>;
  close(): Promise<void>;
}

const errors = new WeakMap<Page, string[]>();

function watch(page: Page): Page {
  const list: string[] = [];
  errors.set(page, list);
  page.on('pageerror', (e) => list.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(`console.error: ${m.text()}`);
  });
  return page;
}

/** Page errors and console errors seen on `page` since it was opened through the harness. */
export function consoleErrors(page: Page): string[] {
  return [...(errors.get(page) ?? [])];
}

export async function startHarness(opts: { fixtures?: string; build?: string } = {}): Promise<Harness> {
  const server = await new FixtureServer({ dir: opts.fixtures ?? FIXTURES }).start();
  const lens = await launchLens({ ...(opts.build ? { build: opts.build } : {}), viewport: { width: 1200, height: 800 } }).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  const { ctx, extensionId } = lens;
  return {
    ctx,
    extensionId,
    origin: server.origin1,
    url: (p) => server.url(p),
    async openFixture(p) {
      const page = watch(await ctx.newPage());
      await page.goto(server.url(p));
      return page;
    },
    worker: lens.worker,
    lookup: (page, text) => lens.lookupInActiveTab(page, text, { byUrl: true }),
    async openExtensionPage(p) {
      const page = watch(await ctx.newPage());
      await page.goto(`chrome-extension://${extensionId}/${p.replace(/^\//, '')}`);
      return page;
    },
    async closePanels() {
      for (const p of ctx.pages()) if (p.url().startsWith(`chrome-extension://${extensionId}/sidepanel.html`)) await p.close();
    },
    async close() {
      await lens.close();
      await server.stop();
    },
  };
}

/** Selects the `nth` occurrence of `needle` in the page's text (within one text node). */
export async function selectText(page: Page, needle: string, nth = 0): Promise<void> {
  const ok = await page.evaluate(
    ([n, k]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let at = text.indexOf(n);
        while (at >= 0) {
          if (seen++ === k) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + n.length);
            const sel = getSelection()!;
            sel.removeAllRanges();
            sel.addRange(range);
            (node.parentElement ?? document.body).scrollIntoView({ block: 'center' });
            return true;
          }
          at = text.indexOf(n, at + 1);
        }
      }
      return false;
    },
    [needle, nth] as const,
  );
  if (!ok) throw new Error(`text not found on page: ${needle}`);
}

/** Selects the whole text of the first element matching `selector`; returns the selected text. */
export async function selectElementText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) throw new Error(`no element ${s}`);
    el.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString();
  }, selector);
}
