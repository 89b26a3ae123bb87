/**
 * axe-core on the in-page card (inside its closed shadow root, reached through DevTools), the
 * popup (results and detail), the side panel and the settings page: no serious or critical
 * violations. Light and dark schemes both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { OUT, ROOT, cardEvalInPage, selectText, startHarness, waitForCard, type Harness } from './harness';

const SHOTS = join(OUT, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string;
}

async function axeOn(page: Page, target: 'document' | 'card'): Promise<Violation[]> {
  await page.evaluate(AXE); // axe's source, evaluated in the page (no script tag: works under a strict CSP)
  if (target === 'card') {
    // Let axe walk into the closed root: expose it to this test's axe run only, through DevTools.
    await cardEvalInPage(page, (root) => {
      Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
      return true;
    });
  }
  return page.evaluate(async (t) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const ctx = t === 'card' ? document.documentElement.lastElementChild : document;
    const res = await axe.run(ctx, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target)) }));
  }, target);
}

const serious = (vs: Violation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe.each(['light', 'dark'] as const)('axe, %s scheme', (scheme) => {
  it('the card has no serious or critical violations', async () => {
    const page = await h.openFixture('news-article.html');
    await page.emulateMedia({ colorScheme: scheme });
    await selectText(page, 'Section 19.30');
    await h.lookup(page, 'Section 19.30');
    await waitForCard(page);
    await page.screenshot({ path: join(SHOTS, `card-${scheme}.png`) });
    const vs = await axeOn(page, 'card');
    expect(serious(vs), JSON.stringify(vs, null, 2)).toEqual([]);
    // axe really looked inside: the card's controls were checked
    const checked = await page.evaluate(() => (document.documentElement.lastElementChild as HTMLElement).shadowRoot?.querySelectorAll('button').length ?? 0);
    expect(checked).toBeGreaterThan(0);
    await page.close();
  });

  it('the popup (results and detail), side panel and settings have no serious or critical violations', async () => {
    const page = await h.openExtensionPage('popup.html');
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator('#ol-q').fill('detainer');
    await page.waitForSelector('[data-ol="results"] [role="option"]');
    await page.screenshot({ path: join(SHOTS, `popup-${scheme}.png`) });
    expect(serious(await axeOn(page, 'document'))).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-ol="detail"]');
    const detail = await axeOn(page, 'document');
    expect(serious(detail), JSON.stringify(detail, null, 2)).toEqual([]);
    for (const path of ['sidepanel.html?q=19.30', 'options.html']) {
      const p = await h.openExtensionPage(path);
      await p.emulateMedia({ colorScheme: scheme });
      await p.waitForSelector('[data-ol]');
      const vs = await axeOn(p, 'document');
      expect(serious(vs), `${path}: ${JSON.stringify(vs, null, 2)}`).toEqual([]);
      await p.close();
    }
    await page.close();
  });
});
