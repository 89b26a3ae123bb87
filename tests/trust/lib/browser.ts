/**
 * Real-browser helpers for the trust tests: Debian Chromium + playwright-core with the e2e build
 * (which adds only the `globalThis.__lensTest` hook to the service worker), optional net log,
 * and DevTools-protocol views of the page that page scripts cannot fool:
 *  - `isolatedEval`: evaluate in a fresh isolated world (pristine built-ins, same DOM);
 *  - `mainEval`: read the page's own globals (returnByValue: no page JSON involved);
 *  - `domSnapshot`: the whole DOM, closed shadow roots included, keyed by backendNodeId.
 * The shared e2e harness (tests/e2e/harness.ts) drives the same build; this file adds the net log
 * and the DevTools views the trust promises need.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { E2E_BUILD, requireBuild } from './builds';

import { launchWithExtension } from '../../support/chromium';

import type { LookupOutcome } from '../../../lib/background';
import { replyValue } from '../../support/reply';
export type { LookupOutcome };

export interface Lens {
  ctx: BrowserContext;
  extensionId: string;
  netLogFile?: string;
  /** The current service worker (a fresh handle after a restart). */
  worker(): Promise<Worker>;
  /** Runs the context-menu handler on the active tab, as if the reader chose the menu item. */
  lookupInActiveTab(page: Page, text?: string): Promise<LookupOutcome>;
  close(): Promise<void>;
}

export async function launchLens(opts: { netLog?: boolean; build?: string } = {}): Promise<Lens> {
  const ext = opts.build ?? E2E_BUILD;
  requireBuild(ext);
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-trust-profile-'));
  const netLogFile = opts.netLog ? join(userDataDir, '..', `lens-netlog-${process.pid}-${Date.now()}.json`) : undefined;
  const { ctx, extensionId, worker } = await launchWithExtension(ext, {
    userDataDir,
    extraArgs: netLogFile ? [`--log-net-log=${netLogFile}`, '--net-log-capture-mode=Default'] : [],
  });

  return {
    ctx,
    extensionId,
    ...(netLogFile ? { netLogFile } : {}),
    worker,
    async lookupInActiveTab(page, text) {
      await page.bringToFront();
      const sw = await worker();
      return sw.evaluate(async (t) => {
        const hook = (globalThis as unknown as { __lensTest?: { lookupInActiveTab(t?: string): Promise<unknown> } }).__lensTest;
        if (!hook) throw new Error('no __lensTest hook: is this the e2e build?');
        return hook.lookupInActiveTab(t);
      }, text) as Promise<LookupOutcome>;
    },
    async close() {
      await ctx.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A wakeable service worker: opening an extension page and messaging it starts the worker. */
export async function openExtensionPage(lens: Lens, path: string): Promise<Page> {
  const page = await lens.ctx.newPage();
  await page.goto(`chrome-extension://${lens.extensionId}/${path}`);
  return page;
}

const sessions = new WeakMap<Page, CDPSession>();
export async function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** Evaluates `expression` in a fresh isolated world of the main frame (untouched built-ins). */
export async function isolatedEval<T>(page: Page, expression: string): Promise<T> {
  const s = await cdp(page);
  const { frameTree } = (await s.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await s.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'lens-trust-observer' })) as { executionContextId: number };
  const r = (await s.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  if (r.exceptionDetails) throw new Error(`isolatedEval: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

/** Evaluates `expression` in the page's main world; the value crosses by the protocol, not page JSON. */
export async function mainEval<T>(page: Page, expression: string): Promise<T> {
  const s = await cdp(page);
  const r = (await s.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  if (r.exceptionDetails) throw new Error(`mainEval: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

export interface SnapNode {
  id: number;
  parent?: number;
  name: string;
  value?: string;
  attrs: string[];
  children: number[];
  /** 'open' | 'closed' | 'user-agent' for a shadow root node. */
  shadowRootType?: string;
  shadowRoots: number[];
}
export type Snapshot = Map<number, SnapNode>;

interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
  contentDocument?: CdpNode;
  templateContent?: CdpNode;
  pseudoElements?: CdpNode[];
}

/** The whole DOM of the page (same-process frames and every shadow root included). */
export async function domSnapshot(page: Page): Promise<Snapshot> {
  const s = await cdp(page);
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const map: Snapshot = new Map();
  const walk = (n: CdpNode, parent?: number) => {
    const node: SnapNode = {
      id: n.backendNodeId,
      ...(parent !== undefined ? { parent } : {}),
      name: n.nodeName,
      ...(n.nodeValue ? { value: n.nodeValue } : {}),
      attrs: n.attributes ?? [],
      children: (n.children ?? []).map((c) => c.backendNodeId),
      ...(n.shadowRootType ? { shadowRootType: n.shadowRootType } : {}),
      shadowRoots: (n.shadowRoots ?? []).filter((r) => r.shadowRootType !== 'user-agent').map((c) => c.backendNodeId),
    };
    map.set(n.backendNodeId, node);
    for (const c of n.children ?? []) walk(c, n.backendNodeId);
    for (const c of n.shadowRoots ?? []) if (c.shadowRootType !== 'user-agent') walk(c, n.backendNodeId);
    if (n.contentDocument) {
      node.children.push(n.contentDocument.backendNodeId);
      walk(n.contentDocument, n.backendNodeId);
    }
    if (n.templateContent) walk(n.templateContent, n.backendNodeId);
  };
  walk(root);
  return map;
}

/** All nodes under `id` (itself included), shadow roots included. */
export function subtree(snap: Snapshot, id: number): SnapNode[] {
  const out: SnapNode[] = [];
  const stack = [id];
  while (stack.length) {
    const n = snap.get(stack.pop()!);
    if (!n) continue;
    out.push(n);
    stack.push(...n.children, ...n.shadowRoots);
  }
  return out;
}

export function textOf(snap: Snapshot, id: number): string {
  return subtree(snap, id)
    .filter((n) => n.name === '#text')
    .map((n) => n.value ?? '')
    .join(' ');
}

/**
 * Compares two snapshots of the same page. Returns the elements present in `after` but not in
 * `before` whose parent existed before (the roots of what was added), and a list of every
 * other difference (changed, removed or moved nodes, attributes, text) outside those roots.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): { addedRoots: number[]; changes: string[] } {
  const addedRoots: number[] = [];
  const changes: string[] = [];
  for (const [id, n] of after) {
    if (!before.has(id) && n.parent !== undefined && before.has(n.parent)) addedRoots.push(id);
  }
  const added = new Set(addedRoots.flatMap((r) => subtree(after, r).map((n) => n.id)));
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) {
      changes.push(`removed ${b.name}${b.value ? ` "${b.value.slice(0, 40)}"` : ''}`);
      continue;
    }
    if (a.value !== b.value) changes.push(`text of ${b.name} changed: "${(b.value ?? '').slice(0, 40)}" → "${(a.value ?? '').slice(0, 40)}"`);
    if (a.attrs.join('\u0000') !== b.attrs.join('\u0000')) changes.push(`attributes of ${b.name} changed: ${b.attrs.join(' ')} → ${a.attrs.join(' ')}`);
    const kids = a.children.filter((c) => !added.has(c));
    if (kids.join(',') !== b.children.join(',')) changes.push(`children of ${b.name} changed`);
    const roots = a.shadowRoots.filter((c) => !added.has(c));
    if (roots.join(',') !== b.shadowRoots.join(',')) changes.push(`shadow roots of ${b.name} changed`);
  }
  return { addedRoots, changes };
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

/** Sends a background-protocol message from an extension page, as the popup does; the handler's value, or throws its error. */
export async function sendFromPage<T>(page: Page, msg: Record<string, unknown>): Promise<T> {
  const answer = await page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), msg);
  return replyValue<T>(answer);
}
