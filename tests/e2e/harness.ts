/**
 * Real-browser harness for the built extension (headless Debian Chromium + playwright-core).
 *
 *   const h = await startHarness();            // loads .output/chrome-mv3-e2e, serves tests/e2e/fixtures
 *   const page = await h.openFixture('news-article.html');
 *   await selectText(page, 'separation ordinance');
 *   const outcome = await h.lookup(page, 'separation ordinance');  // the context-menu handler
 *   const text = await cardText(page);          // reads the CLOSED shadow root through DevTools
 *   await h.close();
 *
 * API (kept small; tests/trust reuses it):
 * - `startHarness({ fixtures?, build? })` → `Harness`: `ctx`, `extensionId`, `origin`
 *   (http://127.0.0.1:PORT), `url(path)`, `openFixture(path)`, `worker()`, `lookup(page, text?)`,
 *   `openExtensionPage(path)`, `close()`.
 * - Selection: `selectText(page, needle, nth?)`, `selectElementText(page, selector)`.
 * - The card (closed shadow root): `waitForCard(page)`, `cardEval(page, fn, arg)`, `cardText(page)`,
 *   `cardClick(page, cssSelector)`, `cardHostCount(page)`.
 * - `consoleErrors(page)`: page errors and console errors collected since the page opened.
 *
 * The e2e build adds `globalThis.__lensTest.lookupInActiveTab(text)` to the service worker (the
 * same handler the context menu calls) and a host permission for *://127.0.0.1/* that stands
 * in for the activeTab grant a real menu click gives.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const E2E_BUILD = join(ROOT, '.output/chrome-mv3-e2e');
export const FIXTURES = join(HERE, 'fixtures');
import { launchWithExtension } from '../support/chromium';
export const OUT = join(ROOT, '.ci-out');

import type { LookupOutcome } from '../../lib/background';
import { callOnObject } from '../support/cdp';
export type { LookupOutcome };

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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // A page can ask for a response header through a sibling file "<name>.headers.json".
    const extra = `${file}.headers.json`;
    if (existsSync(extra)) Object.assign(headers, JSON.parse(readFileSync(extra, 'utf8')));
    res.writeHead(200, headers).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
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
  const ext = opts.build ?? E2E_BUILD;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`no build at ${ext}: run \`npm run build:e2e\``);
  const server = await serve(opts.fixtures ?? FIXTURES);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-e2e-'));
  const { ctx, extensionId, worker } = await launchWithExtension(ext, { userDataDir, viewport: { width: 1200, height: 800 } });
  return {
    ctx,
    extensionId,
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    async openFixture(p) {
      const page = watch(await ctx.newPage());
      await page.goto(`${origin}/${p.replace(/^\//, '')}`);
      return page;
    },
    worker,
    async lookup(page, text) {
      await page.bringToFront();
      const sw = await worker();
      return (await sw.evaluate(
        async ([t, u]) => {
          const hook = (globalThis as unknown as { __lensTest?: { lookupInActiveTab(t?: string, u?: string): Promise<unknown> } }).__lensTest;
          if (!hook) throw new Error('no __lensTest hook: is this the e2e build?');
          return hook.lookupInActiveTab(t ?? undefined, u);
        },
        [text ?? null, page.url()] as const,
      )) as LookupOutcome;
    },
    async openExtensionPage(p) {
      const page = watch(await ctx.newPage());
      await page.goto(`chrome-extension://${extensionId}/${p.replace(/^\//, '')}`);
      return page;
    },
    async closePanels() {
      for (const p of ctx.pages()) if (p.url().startsWith(`chrome-extension://${extensionId}/sidepanel.html`)) await p.close();
    },
    async close() {
      await ctx.close().catch(() => undefined);
      await new Promise((ok) => server.close(() => ok(undefined)));
      rmSync(userDataDir, { recursive: true, force: true });
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

const sessions = new WeakMap<Page, CDPSession>();
async function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

interface DomNode {
  nodeName: string;
  localName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

/** Hosts of closed shadow roots that the page did not write (names "x-…" are ours). */
async function cardHosts(page: Page): Promise<{ host: DomNode; root: DomNode }[]> {
  const s = await session(page);
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: { host: DomNode; root: DomNode }[] = [];
  const walk = (n: DomNode) => {
    const closed = n.shadowRoots?.find((r) => r.shadowRootType === 'closed');
    if (closed && /^x-[a-z]+$/.test(n.localName)) found.push({ host: n, root: closed });
    n.children?.forEach(walk);
    n.shadowRoots?.forEach(walk);
  };
  walk(root);
  return found;
}

/** How many card hosts are in the page right now. */
export async function cardHostCount(page: Page): Promise<number> {
  return (await cardHosts(page)).length;
}

/**
 * Runs `fn(shadowRoot, arg)` against the card's CLOSED shadow root (through DevTools; page
 * scripts cannot do this) and returns its JSON-serializable result, or throws if there is no card.
 */
export async function cardEval<T, A = undefined>(page: Page, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  const hosts = await cardHosts(page);
  const card = hosts[0];
  if (!card) throw new Error('no card on the page');
  const s = await session(page);
  const { object } = (await s.send('DOM.resolveNode', { backendNodeId: card.root.backendNodeId })) as { object: { objectId: string } };
  return callOnObject(s, object.objectId, fn as (node: never, arg: A) => T | Promise<T>, arg);
}

/** Waits until a card is on the page and has its answer (not "Looking this up…"). */
export async function waitForCard(page: Page, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if ((await cardHostCount(page)) > 0) {
      const ready = await cardEval(page, (r) => !!r.querySelector('[data-ol="answer"]')).catch(() => false);
      if (ready) return;
    }
    if (Date.now() > end) throw new Error('no card appeared');
    await page.waitForTimeout(25);
  }
}

/** The card's visible text (innerText of the dialog). */
export async function cardText(page: Page): Promise<string> {
  return cardEval(page, (r) => (r.querySelector('[data-ol="card"]') as HTMLElement | null)?.innerText ?? '');
}

/** Clicks the first element matching `selector` inside the card, with a real mouse click. */
export async function cardClick(page: Page, selector: string): Promise<void> {
  const box = await cardEval(
    page,
    (r, sel) => {
      const el = r.querySelector(sel) as HTMLElement | null;
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },
    selector,
  );
  if (!box) throw new Error(`no ${selector} in the card`);
  await page.mouse.click(box.x, box.y);
}
