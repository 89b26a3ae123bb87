/**
 * Debian's firefox-esr with a built extension, driven by puppeteer-core over WebDriver BiDi (no
 * browser download, no geckodriver). ../shared/TOOLCHAIN.md has the recipe this follows:
 *  - `--remote-allow-system-access` lets BiDi reach the browser window's own (chrome) context,
 *    where the real context menu, the extension's keyboard command and the sidebar live;
 *  - the extension is installed as a temporary add-on (BiDi webExtension.install), with its
 *    moz-extension:// UUID fixed by a pref so tests can open its pages;
 *  - extension pages are opened with the raw `browsingContext.navigate` (page.goto times out there);
 *  - the card's CLOSED shadow root is read through BiDi serialization (includeShadowTree: 'all')
 *    in a sandbox realm, so page scripts cannot interfere with what the test reads.
 * Every network request Firefox makes to anything but 127.0.0.1 goes to a local proxy that logs
 * and refuses it (`requests`), so "no network" covers the extension's background too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { BUILDS, requireBuild } from '../trust/lib/builds';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'ordinance-lens@example.org';
/** Fixed moz-extension:// host for the installed add-on (extensions.webextensions.uuids). */
export const UUID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

type Remote = { type: string; value?: unknown; sharedId?: string };
type BidiResult = { type: 'success'; result: { type: string; result?: Remote; exceptionDetails?: { text: string } } };

export interface FirefoxLens {
  browser: Browser;
  /** Requests Firefox made to anything but 127.0.0.1 (refused by the proxy), as "METHOD url". */
  requests: string[];
  /** Evaluates `expression` in the browser window's chrome context; returns a JSON-able value. */
  chrome<T>(expression: string): Promise<T>;
  /** Opens moz-extension://UUID/<path> in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** A proxy that records every request and answers 502 (no request leaves the machine). */
async function refusingProxy(log: string[]): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket: Socket) => {
    log.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

/** Both Firefox builds, for `describe.each`: [what the suite calls it, its build]. */
export const FIREFOX_BUILDS = [
  ['Firefox MV2 build', 'firefoxMv2'],
  ['Firefox MV3 build', 'firefoxMv3'],
] as const;

/** Firefox with one of the built extensions installed (the build must exist: `requireBuild` says how to make it). */
export async function launchFirefoxBuild(build: (typeof FIREFOX_BUILDS)[number][1]): Promise<FirefoxLens> {
  requireBuild(BUILDS[build]);
  return launchFirefox(BUILDS[build]);
}

export async function launchFirefox(extensionDir: string): Promise<FirefoxLens> {
  const requests: string[] = [];
  const proxy = await refusingProxy(requests);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // Everything but the fixture server (127.0.0.1 is never proxied) goes to the refusing proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,

    },
  });
  const id = await browser.installExtension(extensionDir);
  if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  const conn = (browser as unknown as { connection: { send(method: string, params: unknown): Promise<BidiResult> } }).connection;

  const chromeContext = async (): Promise<string> => {
    const tree = (await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as { result: { contexts: { context: string; url: string }[] } };
    const win = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!win) throw new Error('no browser window context (is --remote-allow-system-access set?)');
    return win.context;
  };

  return {
    browser,
    requests,
    async chrome<T>(expression: string): Promise<T> {
      const context = await chromeContext();
      const r = await conn.send('script.evaluate', { expression: `JSON.stringify(${expression})`, target: { context }, awaitPromise: true });
      if (r.result.type === 'exception') throw new Error(`chrome eval: ${r.result.exceptionDetails?.text ?? 'exception'}: ${expression.slice(0, 80)}`);
      const v = r.result.result?.value;
      return (typeof v === 'string' ? JSON.parse(v) : undefined) as T;
    },
    async openExtensionPage(path: string): Promise<Page> {
      const page = await browser.newPage();
      await conn.send('browsingContext.navigate', { context: contextOf(page), url: `moz-extension://${UUID}/${path}`, wait: 'complete' });
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      for (const s of proxy.sockets) s.destroy();
      await new Promise<void>((r) => proxy.server.close(() => r()));
    },
  };
}

/** The BiDi browsing-context id of a page's main frame, or of a frame. */
export function contextOf(where: Page | Frame): string {
  const frame = 'mainFrame' in where ? where.mainFrame() : where;
  return (frame as unknown as { _id: string })._id;
}

/** Runs `fn` with `this` = the card's closed shadow root, in a sandbox realm of the page. Null when there is no card. */
export async function cardCall<T>(lens: FirefoxLens, page: Page | Frame, fn: string): Promise<T | null> {
  const conn = (lens.browser as unknown as { connection: { send(method: string, params: unknown): Promise<BidiResult> } }).connection;
  const target = { context: contextOf(page), sandbox: 'lens-observer' };
  const host = await conn.send('script.evaluate', {
    // Our host: an x-… element (a random name) with no open shadow root.
    expression: `[...document.querySelectorAll('*')].find((e) => /^x-[a-z]+$/.test(e.localName)) ?? null`,
    target,
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const shadow = (host.result.result?.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot?.sharedId;
  if (!shadow) return null;
  const r = await conn.send('script.callFunction', { functionDeclaration: `function () { return JSON.stringify((${fn}).call(this)); }`, this: { sharedId: shadow }, target, awaitPromise: true });
  if (r.result.type === 'exception') throw new Error(`card call: ${r.result.exceptionDetails?.text}`);
  const v = r.result.result?.value;
  return typeof v === 'string' ? (JSON.parse(v) as T) : null;
}

/** Waits until the card shows an answer; returns its text. */
export async function waitForFirefoxCard(lens: FirefoxLens, page: Page | Frame, timeoutMs = 8000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await cardCall<{ ready: boolean; text: string }>(lens, page, `function () { const c = this.querySelector('[data-ol="card"]'); return { ready: !!this.querySelector('[data-ol="answer"]'), text: c ? c.innerText : '' }; }`).catch(() => null);
    if (r?.ready) return r.text;
    if (Date.now() > end) throw new Error(`no card with an answer (last: ${r?.text?.slice(0, 120) ?? 'no card'})`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

export async function waitForNoFirefoxCard(lens: FirefoxLens, page: Page | Frame, timeoutMs = 3000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const host = await page.evaluate(() => [...document.querySelectorAll('*')].some((e) => /^x-[a-z]+$/.test(e.localName)));
    if (!host) return true;
    if (Date.now() > end) return false;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * Right-clicks the current selection and chooses "Explain “…” with Ordinance Lens" in Firefox's
 * real context menu (the click grants activeTab, as a reader's would). Returns the item's label.
 */
export async function explainViaContextMenu(lens: FirefoxLens, page: Page, point: { x: number; y: number }): Promise<string> {
  await page.mouse.click(point.x, point.y, { button: 'right' });
  const menu = `document.getElementById('contentAreaContextMenu')`;
  const item = `[...${menu}.querySelectorAll('menuitem')].find((m) => /with Ordinance Lens/.test(m.label))`;
  const end = Date.now() + 5000;
  let label: string | null = null;
  while (!label) {
    label = await lens.chrome<string | null>(`(${menu}.state === 'open' && ${item}) ? ${item}.label : null`);
    if (!label) {
      if (Date.now() > end) throw new Error('the context menu did not offer "Explain … with Ordinance Lens"');
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  await lens.chrome(`(${menu}.activateItem(${item}), true)`);
  return label;
}

/** Presses the extension's keyboard command (Alt+Shift+L) as Firefox's own key handler does (Alt+Shift+E, "Explain this page", is the other key). */
export async function pressCommand(lens: FirefoxLens): Promise<void> {
  const ok = await lens.chrome<boolean>(
    `(() => { const keys = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] > key')]; const k = keys.find((e) => (e.getAttribute('key') || '').toUpperCase() === 'L') || keys[0]; if (!k) return false; k.doCommand(); return true; })()`,
  );
  if (!ok) throw new Error("no key element for the extension's command");
}

/** Polls `fn` every 100 ms until `ok` holds or `ms` pass; returns the last value (the caller asserts on it). */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
