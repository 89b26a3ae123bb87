/**
 * The popup's search UI (opened as a tab), the side-panel fallback where no card can go, and
 * the settings page, in real Chromium on the built extension.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OUT, cardHostCount, consoleErrors, selectText, startHarness, type Harness } from './harness';

const SHOTS = join(OUT, 'screenshots');
let h: Harness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
  // Extension origins cannot be granted clipboard-read; the test reads the clipboard from a fixture page.
  await h.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
});
afterAll(async () => {
  await h?.close();
});

let reader: Page | undefined;
async function clipboard(back: Page): Promise<string> {
  reader ??= await h.openFixture('nothing.html');
  await reader.bringToFront();
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await back.bringToFront();
  return text;
}

describe('popup search', () => {
  // Each test opens its own popup, as a reader does: none depends on another's query or view.
  let page: Page;
  beforeEach(async () => {
    page = await h.openExtensionPage('popup.html');
    await page.setViewportSize({ width: 420, height: 640 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ol-q');
  });
  afterEach(async () => {
    const errors = consoleErrors(page);
    await page.close();
    expect(errors, errors.join('\n')).toEqual([]);
  });

  /** Types `query` and opens the first result (the search box must have the focus). */
  async function openFirst(query: string, id: string): Promise<void> {
    await page.locator('#ol-q').fill(query);
    await expect.poll(() => page.locator('#ol-results-opt-0').getAttribute('data-result-id')).toBe(id);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-ol="detail"]');
  }

  it('jumps to entries as the reader types a few letters, the matched letters marked', async () => {
    await page.keyboard.type('sepa', { delay: 30 });
    const row = page.locator('[data-ol="results"] [data-result-id="term-separation-ordinance"]');
    await expect.poll(() => row.locator('.ol-result-title mark').allTextContents()).toEqual(['Sepa']);
    expect(await row.locator('.ol-result-title').innerText()).toBe('Separation ordinance');
    // Keyboard: ↓ moves to the next result, Enter opens it, Back returns to the list.
    await expect.poll(() => page.locator('[data-ol="results"] [role="option"]').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#ol-q').getAttribute('aria-activedescendant')).toBe('ol-results-opt-1');
    const second = await page.locator('#ol-results-opt-1').getAttribute('data-result-id');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-ol="detail"]');
    expect(await page.locator('[data-ol="detail"] [data-ol="entry"]').getAttribute('data-entry-id')).toBe(second);
    await page.locator('[data-ol="detail"] [data-ol="back"]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ol-q');
    // An alias the letters matched is shown with its own mark.
    await page.locator('#ol-q').fill('');
    await page.keyboard.type('ICE h', { delay: 30 });
    await expect.poll(() => page.locator('#ol-results-opt-0').getAttribute('data-result-id')).toBe('term-detainer');
    expect(await page.locator('#ol-results-opt-0 [data-ol="alias"] mark').allTextContents()).toEqual(['ICE h']);
    // The start of a section number: the section comes first, the typed digits marked in its citation.
    await page.locator('#ol-q').fill('');
    await page.keyboard.type('19.3', { delay: 30 });
    await expect.poll(() => page.locator('#ol-results-opt-0').getAttribute('data-result-id')).toBe('mpls-19.30');
    expect(await page.locator('#ol-results-opt-0 .ol-result-cite mark').allTextContents()).toEqual(['19.3']);
    await page.screenshot({ path: join(SHOTS, 'popup-typeahead.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#ol-q').inputValue()).toBe('');
  });

  it('finds a misspelled term as the reader types', async () => {
    await page.keyboard.type('seperation ordnance', { delay: 10 });
    await page.waitForSelector('[data-ol="results"] [role="option"]');
    const titles = await page.locator('[data-ol="results"] .ol-result-title').allTextContents();
    expect(titles.slice(0, 3).join(' | ')).toMatch(/Separation ordinance|Employee Authority in Immigration Matters/);
    await page.screenshot({ path: join(SHOTS, 'popup-results.png') });
  });

  it('moves through results with the keyboard and opens one with Enter', async () => {
    await page.keyboard.type('seperation ordnance', { delay: 10 });
    await expect.poll(() => page.locator('[data-ol="results"] [role="option"]').count()).toBeGreaterThan(1);
    const input = page.locator('#ol-q');
    await expect.poll(() => input.getAttribute('aria-activedescendant')).toBe('ol-results-opt-0');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('ol-results-opt-1');
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe('ol-results-opt-0');
    const first = await page.locator('#ol-results-opt-0').getAttribute('data-result-id');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-ol="detail"]');
    expect(await page.locator('[data-ol="detail"] [data-ol="entry"]').getAttribute('data-entry-id')).toBe(first);
    const detail = await page.locator('[data-ol="detail"]').innerText();
    expect(detail).toContain('Current as of December 1, 2026');
    expect(detail).toMatch(/Official|Reported/);
    expect(detail).toMatch(/history/i);
    await page.screenshot({ path: join(SHOTS, 'popup-detail.png') });
    await page.screenshot({ path: join(SHOTS, 'popup-detail-full.png'), fullPage: true });
  });

  it('copies a citation in the short and memo styles', async () => {
    await openFirst('19.30(a)(3)', 'mpls-19.30');
    await page.locator('[data-ol="detail"] [data-ol="copy"]').click();
    await expect.poll(() => clipboard(page)).toBe('Minneapolis, Minn., Code of Ordinances § 19.30(a)(3)');
    await page.locator('[data-ol="detail"] select').selectOption('memo');
    await page.locator('[data-ol="detail"] [data-ol="copy"]').click();
    await expect.poll(() => clipboard(page)).toMatch(
      // The memo line says which text the points describe (the 2003 text; the 2025 amendment's text is unavailable).
      /^Minneapolis, Minn\., Code of Ordinances § 19\.30\(a\)\(3\) \(Public safety services\) \(2003 text; Chapter 19 amended Dec\. 11, 2025; amended text not available\) \(current as of Dec\. 1, 2026\), https?:\/\//,
    );
    await page.locator('[data-ol="detail"] select').selectOption('markdown');
    await page.locator('[data-ol="detail"] [data-ol="copy"]').click();
    await expect.poll(() => clipboard(page)).toMatch(/^\[Minneapolis, Minn\., Code of Ordinances § 19\.30\(a\)\(3\)\]\(https?:\/\/[^)]+\)/);
  });

  it('Esc clears the search; a nonsense query says nothing covers it', async () => {
    await page.locator('#ol-q').fill('zzqx tomato');
    await page.waitForSelector('[data-ol="nothing"]');
    await page.keyboard.press('Escape');
    expect(await page.locator('#ol-q').inputValue()).toBe('');
  });

  it('checks a pasted passage', async () => {
    await page.getByRole('tab', { name: 'Check a passage' }).click();
    await page
      .locator('#ol-passage')
      .fill('The county jail stopped honoring detainers without a judicial warrant, and the attorney general said jails may not hold people past release on an ICE hold.');
    await page.locator('[data-ol="check"]').click();
    await page.waitForSelector('[data-ol="answer"]');
    expect(await page.locator('[data-ol="answer"]').innerText()).toMatch(/detainer/i);
    await page.screenshot({ path: join(SHOTS, 'popup-passage.png') });
  });

  it('lists recent lookups, exports them, and clears them', async () => {
    await openFirst('19.30(a)(3)', 'mpls-19.30');
    await page.locator('[data-ol="detail"] [data-ol="back"]').click();
    await page.getByRole('tab', { name: 'Recent' }).click();
    await expect.poll(() => page.locator('[data-ol="recent"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-ol="recent"]').innerText()).toContain('19.30(a)(3)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('ordinance-lens-history.md');
    await page.screenshot({ path: join(SHOTS, 'popup-recent.png') });
    await page.locator('[data-ol="clear-history"]').click();
    await expect.poll(() => page.locator('[data-ol="recent"] li').count()).toBe(0);
  });
});

describe('side panel where no card can go', () => {
  it('a PDF: the lookup goes to the side panel with the selected text', async () => {
    const pdf = await h.ctx.newPage();
    await pdf.goto(h.url('city-code.pdf')).catch(() => undefined); // the viewer may count as a download
    const outcome = await h.lookup(pdf, 'separation ordinance');
    expect(outcome).toMatchObject({ surface: 'sidepanel', reason: 'pdf' });
    // No user gesture in a test, so the browser refuses sidePanel.open: the same UI opens in a window.
    if (!outcome.panelOpened) expect(outcome.windowOpened).toBe(true);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-ol="results"] [role="option"]');
    expect(await panel.locator('#ol-q').inputValue()).toBe('separation ordinance');
    expect(await panel.locator('[data-ol="note"]').innerText()).toContain('PDF viewer');
    await panel.screenshot({ path: join(SHOTS, 'sidepanel-pdf.png') });
    expect(consoleErrors(panel)).toEqual([]);
    await h.closePanels();
    await pdf.close();
  });

  it('a page that refuses injection: the lookup goes to the side panel', async () => {
    // localhost is not 127.0.0.1: the e2e build has no permission there, so injection really fails.
    const other = await h.ctx.newPage();
    await other.goto(h.url('news-article.html').replace('127.0.0.1', 'localhost'));
    await selectText(other, 'Section 19.30');
    const outcome = await h.lookup(other, 'Section 19.30');
    expect(outcome).toMatchObject({ surface: 'sidepanel', reason: 'injection-failed' });
    expect(await cardHostCount(other)).toBe(0);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-ol="results"] [role="option"]');
    expect(await panel.locator('#ol-results-opt-0').getAttribute('data-result-id')).toBe('mpls-19.30');
    await h.closePanels();
    await other.close();
  });

  it('a browser page: the lookup goes to the side panel, passages into "check a passage"', async () => {
    const inner = await h.ctx.newPage();
    await inner.goto('chrome://version/');
    const passage = 'Police may not ask about immigration status. The county jail does not honor detainers without a judicial warrant.';
    const outcome = await h.lookup(inner, passage);
    // Without the tabs permission the worker cannot see a chrome:// URL, so injection is tried and refused.
    expect(outcome.surface).toBe('sidepanel');
    expect(outcome.reason).toMatch(/^(restricted|injection-failed)$/);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-ol="answer"]');
    expect(await panel.locator('#ol-passage').inputValue()).toBe(passage);
    await h.closePanels();
    await inner.close();
  });
});

describe('settings', () => {
  it('turning the card off for a site sends lookups there to the side panel', async () => {
    const opts = await h.openExtensionPage('options.html');
    await opts.locator('#set-sites').fill('127.0.0.1');
    await opts.getByRole('button', { name: 'Save sites' }).click();
    await opts.getByRole('radio', { name: /Memo line/ }).check();
    await opts.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
    const news = await h.openFixture('news-article.html');
    await selectText(news, 'separation ordinance');
    const tryLookup = async () => {
      const o = await h.lookup(news, 'separation ordinance');
      await h.closePanels();
      return o;
    };
    await expect.poll(async () => (await tryLookup()).reason).toBe('card-off');
    expect(await cardHostCount(news)).toBe(0);
    await opts.bringToFront();
    await opts.locator('#set-sites').fill('');
    await opts.getByRole('button', { name: 'Save sites' }).click();
    await expect.poll(async () => JSON.stringify(await tryLookup())).toContain('"card"');
    expect(consoleErrors(opts)).toEqual([]);
    await news.close();
    await opts.close();
  });
});
