/**
 * The in-page card, seen from outside the page's reach: found and read through the DevTools
 * protocol (closed shadow root included). `cardEval` runs in a fresh isolated world, so a page
 * that poisoned its built-ins cannot interfere with the observation; `cardEvalInPage` runs in
 * the page's own world, for a test that hands the root to a page script (axe).
 */
import type { Page } from 'playwright-core';
import { callOnObject } from './cdp';
import { domSnapshot, type Snapshot } from './dom-snapshot';
import { cdp, isolatedContext } from './lens-browser';

/** Hosts we add: an element with a closed shadow root whose name the page did not write ("x-…"). */
export function cardHostIds(snap: Snapshot): number[] {
  const out: number[] = [];
  for (const n of snap.values()) {
    if (!/^X-[A-Z]+$/i.test(n.name)) continue;
    if (n.shadowRoots.some((r) => snap.get(r)?.shadowRootType === 'closed')) out.push(n.id);
  }
  return out;
}

/** How many card hosts are in the page right now. */
export async function cardHostCount(page: Page): Promise<number> {
  return cardHostIds(await domSnapshot(page)).length;
}

async function onCardRoot<T, A>(page: Page, executionContextId: number | undefined, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg: A | undefined): Promise<T> {
  const snap = await domSnapshot(page);
  const host = cardHostIds(snap)[0];
  if (host === undefined) throw new Error('no card on the page');
  const rootId = snap.get(host)!.shadowRoots.find((r) => snap.get(r)?.shadowRootType === 'closed')!;
  const s = await cdp(page);
  const { object } = (await s.send('DOM.resolveNode', { backendNodeId: rootId, ...(executionContextId !== undefined ? { executionContextId } : {}) })) as { object: { objectId: string } };
  return callOnObject(s, object.objectId, fn as (node: never, arg: A) => T | Promise<T>, arg);
}

/** Runs `fn(shadowRoot, arg)` on the card's closed root, in an isolated world (pristine built-ins); throws if there is no card. */
export async function cardEval<T, A = null>(page: Page, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  return onCardRoot(page, await isolatedContext(page, 'lens-test-card'), fn, arg);
}

/** `cardEval` in the page's main world: what `fn` defines on the root is seen by page scripts. */
export async function cardEvalInPage<T, A = null>(page: Page, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  return onCardRoot(page, undefined, fn, arg);
}

/** Waits for a card with its answer (not "Looking this up…"); returns its text. */
export async function waitForCard(page: Page, timeoutMs = 8000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    if ((await cardHostCount(page)) > 0) {
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
    if ((await cardHostCount(page)) === 0) return true;
    if (Date.now() > end) return false;
    await new Promise((ok) => setTimeout(ok, 30));
  }
}

/** The card's visible text (innerText of the dialog). */
export async function cardText(page: Page): Promise<string> {
  return cardEval(page, (r) => (r.querySelector('[data-ol="card"]') as HTMLElement | null)?.innerText ?? '');
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

/** Clicks the first element matching `selector` inside the card, with a real mouse click. */
export async function cardClick(page: Page, selector: string): Promise<void> {
  const point = await cardPoint(page, selector);
  if (!point) throw new Error(`no ${selector} in the card`);
  await page.mouse.click(point.x, point.y);
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
  const contextId = await isolatedContext(page, 'lens-test-card');
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
  const ctx = await isolatedContext(page, 'lens-test-card');
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
