/**
 * The card, seen from outside the page's reach: found and read through the DevTools protocol
 * (closed shadow root included), evaluated in an isolated world so a page that poisoned its
 * built-ins cannot interfere with the observation.
 */
import type { Page } from 'playwright-core';
import { cdp, domSnapshot, type Snapshot } from './browser';
import { callOnObject } from '../../support/cdp';

/** Hosts we add: an element with a closed shadow root whose name the page did not write ("x-…"). */
export function cardHostIds(snap: Snapshot): number[] {
  const out: number[] = [];
  for (const n of snap.values()) {
    if (!/^X-[A-Z]+$/i.test(n.name)) continue;
    if (n.shadowRoots.some((r) => snap.get(r)?.shadowRootType === 'closed')) out.push(n.id);
  }
  return out;
}

async function isolatedContext(page: Page): Promise<number> {
  const s = await cdp(page);
  const { frameTree } = (await s.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await s.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'lens-trust-card' })) as { executionContextId: number };
  return executionContextId;
}

/** Runs `fn(shadowRoot, arg)` on the card's closed root, in an isolated world (pristine built-ins). */
export async function cardEval<T, A = null>(page: Page, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  const snap = await domSnapshot(page);
  const host = cardHostIds(snap)[0];
  if (host === undefined) throw new Error('no card on the page');
  const rootId = snap.get(host)!.shadowRoots.find((r) => snap.get(r)?.shadowRootType === 'closed')!;
  const s = await cdp(page);
  const executionContextId = await isolatedContext(page);
  const { object } = (await s.send('DOM.resolveNode', { backendNodeId: rootId, executionContextId })) as { object: { objectId: string } };
  return callOnObject(s, object.objectId, fn as (node: never, arg: A) => T | Promise<T>, arg);
}

/** Waits for a card with its answer; returns its text. */
export async function waitForCard(page: Page, timeoutMs = 8000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const snap = await domSnapshot(page);
    if (cardHostIds(snap).length > 0) {
      const r = await cardEval(page, (root) => ({
        ready: !!root.querySelector('[data-ol="answer"]'),
        text: (root.querySelector('[data-ol="card"]') as HTMLElement | null)?.innerText ?? '',
      })).catch(() => ({ ready: false, text: '' }));
      last = r.text;
      if (r.ready) return r.text;
    }
    if (Date.now() > end) throw new Error(`no card with an answer appeared (last text: ${last.slice(0, 200)})`);
    await new Promise((ok) => setTimeout(ok, 30));
  }
}

export async function waitForNoCard(page: Page, timeoutMs = 3000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (cardHostIds(await domSnapshot(page)).length === 0) return true;
    if (Date.now() > end) return false;
    await new Promise((ok) => setTimeout(ok, 30));
  }
}

/** Centre of the element matching `selector` in the card, in viewport CSS pixels (scrolled into view). */
export async function cardPoint(page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  return cardEval(
    page,
    (r, sel) => {
      const el = r.querySelector(sel as string) as HTMLElement | null;
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },
    selector,
  );
}

/**
 * Is the card's element at `selector` what a click at its centre would hit? Asks the browser's
 * hit testing (DOM.getNodeForLocation), which sees through closed roots and top layers alike.
 * Returns what was hit instead, when it is not ours.
 */
export async function hitTest(page: Page, selector: string): Promise<{ ok: boolean; hit: string; point: { x: number; y: number } | null }> {
  const point = await cardPoint(page, selector);
  if (!point) return { ok: false, hit: `no ${selector} in the card`, point };
  const snap = await domSnapshot(page);
  const hostNames = cardHostIds(snap).map((id) => snap.get(id)!.name.toLowerCase());
  // The browser's hit testing, from an isolated world: elementFromPoint returns our host when
  // the card is what a click there reaches (closed roots retarget to the host).
  const s = await cdp(page);
  const contextId = await isolatedContext(page);
  const r = (await s.send('Runtime.evaluate', {
    contextId,
    returnByValue: true,
    expression: `(() => { const el = document.elementFromPoint(${point.x}, ${point.y}); return el ? el.localName + (el.id ? '#' + el.id : '') : null; })()`,
  })) as { result: { value: string | null } };
  const hit = r.result.value ?? `nothing at (${Math.round(point.x)}, ${Math.round(point.y)})`;
  return { ok: hostNames.includes(hit), hit, point };
}

/** Computed style values of the card's root element, through DevTools. */
export async function cardStyle(page: Page, props: string[]): Promise<Record<string, string>> {
  return cardEval(
    page,
    (r, ps) => {
      const el = r.querySelector('[data-ol="card"]');
      if (!el) return {};
      const cs = getComputedStyle(el);
      return Object.fromEntries((ps as string[]).map((p) => [p, cs.getPropertyValue(p)]));
    },
    props,
  );
}

/** Selects the text of the element `selector` (in a same-origin frame `frameSelector` if given), in an isolated world. */
export async function selectTarget(page: Page, selector: string): Promise<string> {
  const s = await cdp(page);
  const ctx = await isolatedContext(page);
  const r = (await s.send('Runtime.evaluate', {
    contextId: ctx,
    returnByValue: true,
    expression: `(() => {
      const find = (root, sel) => root.querySelector(sel) || [...root.querySelectorAll('*')].map((e) => e.shadowRoot && e.shadowRoot.querySelector(sel)).find(Boolean);
      const el = find(document, ${JSON.stringify(selector)});
      if (!el) return null;
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
        el.focus(); el.setSelectionRange(0, el.value.length); return el.value;
      }
      el.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(el);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString() || el.textContent;
    })()`,
  })) as { result: { value: string | null } };
  if (r.result.value === null) throw new Error(`no ${selector} on the page`);
  return r.result.value;
}
