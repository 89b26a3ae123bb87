/**
 * Promise 3, a page cannot see what the reader looks up. fixtures/spy.html watches every
 * mutation, hooks attachShadow, and on request (while the card is shown, and after it is
 * dismissed) lists new window keys, readable shadow roots, CSS highlights, style sheets and
 * adopted sheets, searches its own text for the card's content and probes extension URLs with
 * our (public) extension id. It must learn nothing beyond our one host element: every other
 * observation counts as a page-visible trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, mainEval, type Lens } from '../support/lens-browser';
import { selectTarget, waitForCard, waitForNoCard, cardPoint } from '../support/lens-card';
import { recordFigures } from './lib/figures';
import { trustFixtures } from './lib/server';
import type { FixtureServer } from '../support/fixture-server';

interface Look {
  newGlobals: string[];
  shadowRoots: string[];
  highlights: number;
  styleSheets: number;
  adoptedSheets: number;
  foreignElements: string[];
  textSeen: boolean[];
  probes: Record<string, number | string>;
}
interface Spy {
  mutations: { type: string; target: string; added: string[]; removed: string[]; attribute: string | null }[];
  attached: string[];
  selectionEvents: number;
  focusChanges: number;
  messages: string[];
}

let lens: Lens;
let server: FixtureServer;
beforeAll(async () => {
  server = await trustFixtures().start();
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
  await server?.stop();
});

const isHost = (desc: string) => /^X-[A-Z]+(\.|$)/i.test(desc);

function tracesOf(look: Look, phase: string): string[] {
  const t: string[] = [];
  for (const g of look.newGlobals) t.push(`${phase}: new window key ${g}`);
  for (const r of look.shadowRoots) t.push(`${phase}: readable shadow root ${r}`);
  if (look.highlights) t.push(`${phase}: ${look.highlights} CSS highlights`);
  if (look.styleSheets) t.push(`${phase}: ${look.styleSheets} new style sheets`);
  if (look.adoptedSheets) t.push(`${phase}: ${look.adoptedSheets} adopted style sheets`);
  if (look.textSeen.some(Boolean)) t.push(`${phase}: the page can read the card's text`);
  for (const [path, status] of Object.entries(look.probes)) if (status !== 'blocked') t.push(`${phase}: probe of ${path} answered ${status}`);
  return t;
}

describe('a spying page', () => {
  it('learns nothing beyond our host element', async () => {
    const page = await lens.ctx.newPage();
    await page.goto(`${server.url('spy.html')}#${lens.extensionId}`);
    const text = await selectTarget(page, '#target');
    await mainEval(page, 'window.__spy.mutations.length = 0');
    const outcome = await lens.lookupInActiveTab(page, text);
    expect(outcome.surface).toBe('card');
    await waitForCard(page);
    const during = await mainEval<Look>(page, `window.__spyLook(${JSON.stringify(lens.extensionId)})`);
    // Follow a few interactions inside the card: still nothing leaks.
    const close = await cardPoint(page, '[data-ol="close"]');
    if (close) await page.mouse.click(close.x, close.y);
    expect(await waitForNoCard(page)).toBe(true);
    const after = await mainEval<Look>(page, `window.__spyLook(${JSON.stringify(lens.extensionId)})`);
    const spy = await mainEval<Spy>(page, 'window.__spy');

    const traces = [...tracesOf(during, 'while shown'), ...tracesOf(after, 'after dismissal')];
    for (const a of spy.attached) traces.push(`attachShadow seen by the page: ${a}`);
    for (const m of spy.messages) traces.push(`postMessage seen by the page: ${m}`);
    for (const m of spy.mutations) {
      const hostOnly =
        (m.type === 'childList' && [...m.added, ...m.removed].every(isHost) && m.added.length + m.removed.length > 0) ||
        (m.type === 'attributes' && isHost(m.target) && ['style', 'popover'].includes(m.attribute ?? ''));
      if (!hostOnly) traces.push(`mutation seen by the page: ${JSON.stringify(m)}`);
    }
    const hostAdds = spy.mutations.filter((m) => m.type === 'childList' && m.added.some(isHost)).length;
    recordFigures('spy', { traces: traces.length, details: traces, hostInsertions: hostAdds, focusChanges: spy.focusChanges, probes: during.probes });
    expect(traces).toEqual([]);
    expect(hostAdds, 'one host element, added once').toBe(1);
    await page.close();
  });
});
