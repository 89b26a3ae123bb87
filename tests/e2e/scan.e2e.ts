/**
 * "Explain this page" in real Chromium on the built extension: the marks on the shared fixture
 * pages are the scanner's (core/scan on the same HTML, read without a DOM), clicking a mark opens
 * the lookup card, content the page adds later is marked, and Clear leaves the page's markup as
 * it was, byte for byte. Saves a screenshot of the marks with a card open.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { buildScanIndex, scanText } from '../../core/scan/index';
import { claimSentences } from '../../core/scan/claim-sentences';
import { htmlText } from '../../core/scan/html-text';
import { joinPieces } from '../../core/scan/visible-text';
import { currentEntries } from '../support/pack-entries';
import { callOnObject } from '../support/cdp';
import { FIXTURES, OUT, cardHostCount, cardText, consoleErrors, startHarness, waitForCard, type Harness } from './harness';

const SHOTS = join(OUT, 'screenshots');
let h: Harness;
const index = buildScanIndex(currentEntries());

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function explain(page: Page): Promise<{ ok: boolean; marks?: number; reason?: string }> {
  await page.bringToFront();
  const sw = await h.worker();
  return sw.evaluate(async () => {
    const hook = (globalThis as unknown as { __lensTest?: { explainPageInActiveTab(): Promise<{ ok: boolean; marks?: number }> } }).__lensTest;
    if (!hook) throw new Error('no __lensTest hook: is this the e2e build?');
    return hook.explainPageInActiveTab();
  });
}

/** The marked words in page order, read from the page's highlight registry (the page's own view). */
async function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, hl] of reg) if (!name.endsWith('-current')) ranges.push(...hl);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString().replace(/\s+/g, ' '));
  });
}

/** The bounding box of the first marked range whose text is `text`. */
async function markBox(page: Page, text: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate((t) => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, hl] of reg) {
      if (name.endsWith('-current')) continue;
      for (const r of hl) {
        if (r.toString().replace(/\s+/g, ' ') !== t) continue;
        (r.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  }, text);
  if (!box) throw new Error(`no mark "${text}"`);
  return box;
}

const sessions = new WeakMap<Page, CDPSession>();
/** Runs `fn` on the bar's CLOSED shadow root (host "x-abcd-efgh"), through DevTools. */
async function barEval<T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T> {
  let s = sessions.get(page);
  if (!s) sessions.set(page, (s = await page.context().newCDPSession(page)));
  type N = { localName: string; backendNodeId: number; children?: N[]; shadowRoots?: (N & { shadowRootType?: string })[] };
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: N };
  let bar: N | undefined;
  const walk = (n: N) => {
    const closed = n.shadowRoots?.find((r) => r.shadowRootType === 'closed');
    if (closed && /^x-[a-z]{4}-[a-z]{4}$/.test(n.localName)) bar = closed;
    n.children?.forEach(walk);
  };
  walk(root);
  if (!bar) throw new Error('no scan bar on the page');
  const { object } = (await s.send('DOM.resolveNode', { backendNodeId: bar.backendNodeId })) as { object: { objectId: string } };
  return callOnObject(s, object.objectId, fn as (n: never, a: undefined) => T, undefined);
}

async function snapshot(page: Page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    adopted: document.adoptedStyleSheets.length,
    highlights: (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size,
    selection: getSelection()?.toString() ?? '',
  }));
}

function expectedMarks(fixture: string): string[] {
  const h = htmlText(readFileSync(join(FIXTURES, fixture), 'utf8'));
  return scanText(index, joinPieces(h.pieces).text, { title: h.title, host: '127.0.0.1' }).map((m) => m.text.replace(/\s+/g, ' '));
}

describe.each(['news-article.html', 'city-guidance.html'])('explain this page: %s', (fixture) => {
  let page: Page;
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    page = await h.openFixture(fixture);
    before = await snapshot(page);
  });

  it('marks what the scanner finds in the page’s visible text, in page order, without touching the markup', async () => {
    const res = await explain(page);
    const expected = expectedMarks(fixture);
    expect(expected.length).toBeGreaterThan(5);
    expect(res).toMatchObject({ ok: true, marks: expected.length });
    expect(await markedTexts(page)).toEqual(expected);
    const during = await snapshot(page);
    // The marks live in the highlight registry; only the bar's host joins the page while they are on.
    expect(during.html.replace(/<x-[a-z]{4}-[a-z]{4}[^>]*><\/x-[a-z]{4}-[a-z]{4}>/, '')).toBe(before.html);
    expect(await barEval(page, (r) => (r.querySelector('[role="status"]') as HTMLElement).innerText)).toMatch(new RegExp(`^${expected.length} mentions of \\d+ entries marked`));
  });

  it('opens the lookup card when a mark is clicked', async () => {
    const word = fixture === 'news-article.html' ? 'Section 19.30' : expectedMarks(fixture)[0]!;
    const box = await markBox(page, word);
    await page.mouse.click(box.x, box.y);
    await waitForCard(page);
    const text = await cardText(page);
    expect(text.length).toBeGreaterThan(40);
    if (fixture === 'news-article.html') expect(text).toContain('19.30');
    await page.screenshot({ path: join(SHOTS, `scan-${fixture.replace('.html', '')}.png`) });
  });

  it('marks content the page adds while the marks are on', async () => {
    const n = (await markedTexts(page)).length;
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Update: the county still refuses every ICE hold without a judicial warrant.';
      document.body.appendChild(p);
    });
    await expect.poll(async () => (await markedTexts(page)).length, { timeout: 5000 }).toBeGreaterThan(n);
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['ICE hold', 'judicial warrant']));
    await page.evaluate(() => document.getElementById('late')!.remove());
  });

  it('Clear leaves the page exactly as it was', async () => {
    await barEval(page, (r) => (r.querySelector('[data-ol="clear"]') as HTMLButtonElement).click());
    const after = await snapshot(page);
    expect(after.html).toBe(before.html);
    expect(after.adopted).toBe(before.adopted);
    expect(after.highlights).toBe(0);
    expect(after.selection).toBe('');
    expect(await cardHostCount(page)).toBe(0);
    expect(consoleErrors(page)).toEqual([]);
  });
});

describe('explain this page on request only', () => {
  it('marks nothing on a page until asked, and the shortcut again clears', async () => {
    const page = await h.openFixture('news-article.html');
    await page.waitForTimeout(300);
    const idle = await snapshot(page);
    expect(idle.highlights).toBe(0);
    expect(await explain(page)).toMatchObject({ ok: true });
    expect((await markedTexts(page)).length).toBeGreaterThan(5);
    expect(await explain(page)).toMatchObject({ ok: true, marks: 0 });
    expect(await snapshot(page)).toEqual(idle);
    await page.close();
  });
});

describe('on this page, in the side panel', () => {
  it('lists the entries the explained page mentions, in page order, and goes to a mention', async () => {
    const page = await h.openFixture('news-article.html');
    await explain(page);
    const h2 = htmlText(readFileSync(join(FIXTURES, 'news-article.html'), 'utf8'));
    const ids = [...new Set(scanText(index, joinPieces(h2.pieces).text, { title: h2.title, host: '127.0.0.1' }).map((m) => m.id))];
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-ol="page-entry"]');
    expect(await panel.$$eval('[data-ol="page-entry"]', (els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual(ids);
    expect(await panel.locator('[data-ol="on-this-page"]').innerText()).toContain('Official');
    await panel.screenshot({ path: join(SHOTS, 'scan-on-this-page.png') });
    await panel.locator('[data-id="mpls-19.30"] button[aria-label^="Go to a mention"]').click();
    await waitForCard(page);
    expect(await cardText(page)).toContain('19.30');
    await panel.close();
    await page.close();
  });

  it('sends a sentence of the page about a listed law to the claim check in one click', async () => {
    const page = await h.openFixture('news-article.html');
    await explain(page);
    const h2 = htmlText(readFileSync(join(FIXTURES, 'news-article.html'), 'utf8'));
    const text = joinPieces(h2.pieces).text;
    const claims = claimSentences(text, scanText(index, text, { title: h2.title, host: '127.0.0.1' }));
    const [id, sentences] = Object.entries(claims)[0]!;
    const panel = await h.openExtensionPage('sidepanel.html');
    const row = panel.locator(`[data-ol="page-entry"][data-id="${id}"]`);
    await row.locator('[data-ol="page-claim"]').first().waitFor();
    expect(await row.locator('[data-ol="page-claim"] q').allInnerTexts()).toEqual(sentences);
    await row.locator('[data-ol="check-claim"]').first().click();
    const claim = panel.locator('[data-ol="claims"] [data-ol="claim"]').first();
    await claim.waitFor({ timeout: 15_000 });
    // The claim check shows the page's own sentence (cut at 300 characters) beside the pack's evidence.
    expect((await claim.innerText()).replace(/\s+/g, ' ')).toContain(sentences[0]!.slice(0, 60));
    expect(await panel.locator('[data-ol="not-a-verdict"]').count()).toBe(1);
    expect(await panel.locator('[data-ol="page-entry"]').count()).toBeGreaterThan(1); // the list stays above it
    await panel.screenshot({ path: join(SHOTS, 'scan-check-claim.png'), fullPage: true });
    expect(consoleErrors(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });
});

describe('a 50,000-word page (figures, not a timed test)', () => {
  it('marks it in slices and reports time to first marks and the longest main-thread task', async () => {
    const seeds = join(import.meta.dirname, '../../../shared/seeds');
    const { readdirSync } = await import('node:fs');
    const paras = readdirSync(seeds).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(join(seeds, f), 'utf8').split('\n').filter((l) => l.trim()));
    const body: string[] = [];
    let words = 0;
    for (let i = 0; words < 50_000; i++) {
      const p = paras[i % paras.length]!;
      body.push(p);
      words += p.split(/\s+/).length;
    }
    const page = await h.openFixture('nothing.html');
    await page.evaluate((ps) => {
      document.body.replaceChildren(...ps.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
    }, body);
    // The page's own first layout of 50,000 words is not ours: observe long tasks after it.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: number[] };
      w.__tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    const res = await explain(page);
    const totalMs = Date.now() - t0;
    expect(res.ok).toBe(true);
    expect(res.marks).toBeGreaterThan(1000);
    const sw = await h.worker();
    const report = (await sw.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await c.storage.session.get('pageScanReport')).pageScanReport;
    })) as { stats?: Record<string, number>; marks: number; more: number };
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
    const figures = { words, marks: report.marks, more: report.more, totalMs, ...report.stats, longTasksOver50ms: tasks.map(Math.round) };
    console.log('scan 50k-word page:', JSON.stringify(figures));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(OUT, 'scan-browser-bench.json'), JSON.stringify(figures, null, 1));
    await page.close();
  });
});

describe('the popup button', () => {
  it('offers "Explain this page", and says plainly when the page cannot be explained', async () => {
    // Opened as a tab, the popup's own tab is the active one: an extension page, which no script may enter.
    const popup = await h.openExtensionPage('popup.html');
    const button = popup.locator('[data-ol="explain-page"]');
    await expect.poll(() => button.innerText()).toBe('Explain this page');
    await popup.screenshot({ path: join(SHOTS, 'scan-popup-button.png') });
    await button.click();
    await expect.poll(() => popup.locator('.ol-explain-page [role="alert"]').innerText()).toMatch(/does not let Ordinance Lens in/);
    expect(consoleErrors(popup)).toEqual([]);
    await popup.close();
  });
});
