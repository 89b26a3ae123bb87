/**
 * The one real-browser harness of the e2e and trust suites: Debian Chromium + playwright-core
 * with a built extension (the e2e build by default, which adds only the `globalThis.__lensTest`
 * hook to the service worker and a host permission for *://127.0.0.1/* standing in for the
 * activeTab grant a real menu click gives), an optional net log, and DevTools-protocol access
 * that page scripts cannot fool:
 *  - `isolatedEval`: evaluate in a fresh isolated world (pristine built-ins, same DOM);
 *  - `mainEval`: read the page's own globals (returnByValue: no page JSON involved).
 * The card through its closed shadow root: tests/support/lens-card.ts; the whole DOM:
 * tests/support/dom-snapshot.ts; test pages: tests/support/fixture-server.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { LookupOutcome } from '../../lib/background';
import { launchWithExtension } from './chromium';
import { replyValue } from './reply';
export type { LookupOutcome };

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** Where the builds are: .output, or LENS_TRUST_OUTPUT (a private build while others rebuild .output). */
export const OUTPUT = process.env.LENS_TRUST_OUTPUT ?? join(ROOT, '.output');
export const E2E_BUILD = join(OUTPUT, 'chrome-mv3-e2e');

export function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${relative(ROOT, dir)} is missing: run \`npm run build:e2e\` (or \`npm run test:trust\`, which builds every target first)`);
  }
}

export interface Lens {
  ctx: BrowserContext;
  extensionId: string;
  netLogFile?: string;
  /** The live service worker (a fresh handle after a restart). */
  worker(): Promise<Worker>;
  /**
   * Runs the context-menu handler on `page` (made the active tab first), as if the reader chose
   * the menu item. `byUrl`: the hook finds the tab by the page's URL first (the e2e suite's way,
   * robust to a side panel taking the focus), else it takes the active tab.
   */
  lookupInActiveTab(page: Page, text?: string, opts?: { byUrl?: boolean }): Promise<LookupOutcome>;
  /** Opens chrome-extension://ID/<path> as a tab (popup.html, sidepanel.html, options.html); it also wakes the worker. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchLens(opts: { netLog?: boolean; build?: string; viewport?: { width: number; height: number } } = {}): Promise<Lens> {
  const ext = opts.build ?? E2E_BUILD;
  requireBuild(ext);
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-profile-'));
  const netLogFile = opts.netLog ? join(userDataDir, '..', `lens-netlog-${process.pid}-${Date.now()}.json`) : undefined;
  const { ctx, extensionId, worker } = await launchWithExtension(ext, {
    userDataDir,
    ...(opts.viewport ? { viewport: opts.viewport } : {}),
    extraArgs: netLogFile ? [`--log-net-log=${netLogFile}`, '--net-log-capture-mode=Default'] : [],
  });
  return {
    ctx,
    extensionId,
    ...(netLogFile ? { netLogFile } : {}),
    worker,
    async lookupInActiveTab(page, text, { byUrl = false } = {}) {
      await page.bringToFront();
      const sw = await worker();
      return (await sw.evaluate(
        async ([t, u]) => {
          const hook = (globalThis as unknown as { __lensTest?: { lookupInActiveTab(t?: string, u?: string): Promise<unknown> } }).__lensTest;
          if (!hook) throw new Error('no __lensTest hook: is this the e2e build?');
          return hook.lookupInActiveTab(t ?? undefined, u ?? undefined);
        },
        [text ?? null, byUrl ? page.url() : null] as const,
      )) as LookupOutcome;
    },
    async openExtensionPage(path) {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await ctx.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const sessions = new WeakMap<Page, CDPSession>();
/** The page's DevTools session (one per page). */
export async function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** A fresh isolated world of the main frame: the page's DOM with untouched built-ins. */
export async function isolatedContext(page: Page, worldName = 'lens-test-observer'): Promise<number> {
  const s = await cdp(page);
  const { frameTree } = (await s.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await s.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName })) as { executionContextId: number };
  return executionContextId;
}

type Evaluated<T> = { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };

async function evaluate<T>(page: Page, what: string, expression: string, contextId?: number): Promise<T> {
  const s = await cdp(page);
  const r = (await s.send('Runtime.evaluate', { expression, ...(contextId !== undefined ? { contextId } : {}), returnByValue: true, awaitPromise: true })) as Evaluated<T>;
  if (r.exceptionDetails) throw new Error(`${what}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

/** Evaluates `expression` in a fresh isolated world of the main frame (untouched built-ins). */
export async function isolatedEval<T>(page: Page, expression: string): Promise<T> {
  return evaluate<T>(page, 'isolatedEval', expression, await isolatedContext(page));
}

/** Evaluates `expression` in the page's main world; the value crosses by the protocol, not page JSON. */
export async function mainEval<T>(page: Page, expression: string): Promise<T> {
  return evaluate<T>(page, 'mainEval', expression);
}

/** Sends a background-protocol message from an extension page, as the popup does; the handler's value, or throws its error. */
export async function sendFromPage<T>(page: Page, msg: Record<string, unknown>): Promise<T> {
  const answer = await page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), msg);
  return replyValue<T>(answer);
}

/** Reads Chromium's net log (finished when the browser closed) and returns the URL requests made by `initiator`. */
export function netLogRequests(file: string, initiatorPrefix: string): { url: string; initiator: string }[] {
  if (!existsSync(file)) throw new Error(`no net log at ${file}`);
  let text = readFileSync(file, 'utf8').trim();
  let log: { events?: { params?: { url?: string; initiator?: string } }[] };
  try {
    log = JSON.parse(text) as typeof log;
  } catch {
    // A log cut short (browser killed) lacks its closing brackets.
    text = text.replace(/,\s*$/, '');
    log = JSON.parse(text + ']}') as typeof log;
  }
  const out: { url: string; initiator: string }[] = [];
  for (const e of log.events ?? []) {
    const p = e.params;
    if (p?.url && typeof p.initiator === 'string' && p.initiator.startsWith(initiatorPrefix) && !p.url.startsWith(initiatorPrefix)) out.push({ url: p.url, initiator: p.initiator });
  }
  return out;
}
