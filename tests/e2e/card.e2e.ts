/**
 * The in-page card, in real Chromium on the built extension: select a word, a phrase and a
 * paragraph, run the context-menu handler, and read the card through its closed shadow root.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  OUT,
  cardClick,
  cardEval,
  cardHostCount,
  cardText,
  consoleErrors,
  selectElementText,
  selectText,
  startHarness,
  waitForCard,
  type Harness,
} from './harness';

const SHOTS = join(OUT, 'screenshots');
let h: Harness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The page as the page sees it: its markup and where its paragraphs are. */
async function pageState(page: Page) {
  return page.evaluate(() => ({
    body: document.body.innerHTML,
    head: document.head.innerHTML,
    rootChildren: Array.from(document.documentElement.children).map((e) => e.tagName),
    rects: Array.from(document.querySelectorAll('p, h1, aside')).map((e) => {
      const r = e.getBoundingClientRect();
      return [Math.round(r.top + scrollY), Math.round(r.left), Math.round(r.width), Math.round(r.height)];
    }),
    styleSheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
  }));
}

async function lookupSelection(page: Page, selected: string) {
  const outcome = await h.lookup(page, selected);
  expect(outcome).toMatchObject({ surface: 'card' });
  await waitForCard(page);
  return cardText(page);
}

describe('the card on the news article', () => {
  // Each test opens its own page (its own URL: the harness finds the tab by URL) and its own
  // card, so no test depends on a card another one left open.
  let page: Page;
  let n = 0;
  beforeEach(async () => {
    page = await h.openFixture(`news-article.html?card=${++n}`);
  });
  afterEach(async () => {
    const errors = consoleErrors(page);
    await page.close();
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('explains a phrase: title, citation, status, as-of date, badges and exceptions', async () => {
    const before = await pageState(page);
    await selectText(page, 'separation ordinance');
    const text = await lookupSelection(page, 'separation ordinance');
    expect(text).toMatch(/Employee Authority in Immigration Matters|Separation ordinance/);
    expect(text).toContain('Current as of December 1, 2026');
    expect(text).toMatch(/In force|Amended|Term/);
    expect(text).toMatch(/Official|Reported/);
    expect(text).toContain('You selected: “separation ordinance”');
    // The page's own text, markup and layout did not change; only our host was added.
    const during = await pageState(page);
    expect(during.body).toBe(before.body);
    expect(during.head).toBe(before.head);
    expect(during.rects).toEqual(before.rects);
    expect(during.styleSheets).toBe(before.styleSheets);
    expect(during.adopted).toBe(0);
    expect(during.rootChildren.length).toBe(before.rootChildren.length + 1);
    // The page cannot read the card: the shadow root is closed.
    const pageView = await page.evaluate(() => {
      const host = document.documentElement.lastElementChild as HTMLElement;
      return { name: host.localName, shadow: host.shadowRoot === null, text: host.textContent };
    });
    expect(pageView).toEqual({ name: expect.stringMatching(/^x-[a-z]+$/), shadow: true, text: '' });
    await page.screenshot({ path: join(SHOTS, 'card-news-article-phrase.png') });
  });

  it('is announced as a dialog, takes focus, and Esc dismisses it without a trace', async () => {
    await selectText(page, 'separation ordinance');
    const before = await pageState(page);
    await lookupSelection(page, 'separation ordinance');
    const a11y = await cardEval(page, (r) => {
      const d = r.querySelector('[data-ol="card"]')!;
      return {
        role: d.getAttribute('role'),
        label: d.getAttribute('aria-label'),
        focused: r.activeElement === d,
        live: !!r.querySelector('[aria-live="polite"]'),
      };
    });
    expect(a11y.role).toBe('dialog');
    expect(a11y.label).toMatch(/^Ordinance Lens: /);
    expect(a11y.focused).toBe(true);
    expect(a11y.live).toBe(true);
    // keyboard reachable: Tab moves into the card's controls
    await page.keyboard.press('Tab');
    const inside = await cardEval(page, (r) => r.activeElement?.tagName ?? null);
    expect(inside).toMatch(/^(BUTTON|A|SELECT|SUMMARY)$/);
    await page.keyboard.press('Escape');
    expect(await cardHostCount(page)).toBe(0);
    expect(await pageState(page)).toEqual(before);
  });

  it('explains a single word and a section number with a pinpoint', async () => {
    await selectText(page, 'detainers');
    const word = await lookupSelection(page, 'detainers');
    expect(word.toLowerCase()).toContain('detainer');
    await page.keyboard.press('Escape');

    await selectText(page, 'Section 19.30');
    const sec = await lookupSelection(page, 'Section 19.30');
    expect(sec).toContain('Public safety services');
    expect(sec).toContain('Minneapolis, Minn., Code of Ordinances § 19.30');
    expect(sec).toMatch(/Exceptions and limits/i);
    await page.screenshot({ path: join(SHOTS, 'card-news-article-section.png') });
    await page.keyboard.press('Escape');
  });

  it('explains a whole paragraph about what police may do', async () => {
    const para = await selectElementText(page, 'article p:nth-of-type(4)');
    expect(para).toContain('immigration status');
    const text = await lookupSelection(page, para);
    // The paragraph cites Section 19.30: that is the answer, not any entry that mentions police.
    expect(await cardEval(page, (r) => r.querySelector('[data-ol="title"]')?.textContent)).toBe('Public safety services');
    expect(text).toContain('You selected:');
    await page.screenshot({ path: join(SHOTS, 'card-news-article-paragraph.png') });
    // click outside dismisses
    await page.mouse.click(5, 5);
    expect(await cardHostCount(page)).toBe(0);
  });

  it('follows a related entry inside the card and copies a citation', async () => {
    await selectText(page, 'Section 19.30');
    await lookupSelection(page, 'Section 19.30');
    const related = await cardEval(page, (r) => Array.from(r.querySelectorAll('[data-related-id]')).map((e) => e.getAttribute('data-related-id')));
    expect(related.length).toBeGreaterThan(0);
    // Related entries are folded below the answer: open the fold, as a reader would.
    await cardClick(page, '[data-ol="fold-related"] > summary');
    await cardClick(page, '[data-related-id]');
    await page.waitForTimeout(150);
    const opened = await cardEval(page, (r) => r.querySelector('[data-ol="entry"]')?.getAttribute('data-entry-id'));
    expect(opened).toBe(related[0]);
    await cardClick(page, '[data-ol="copy"]');
    let copied = '';
    for (let i = 0; i < 100 && !copied; i++) {
      copied = await cardEval(page, (r) => r.querySelector('.ol-copy-status')?.textContent ?? '');
      if (!copied) await page.waitForTimeout(25);
    }
    expect(copied).toMatch(/^(Copied|This page blocks copying\.|Copy failed: select the text below)$/);
    await page.keyboard.press('Escape');
  });
});

describe('the card on other pages', () => {
  it('city guidance page: names the entry and shows sources', async () => {
    const page = await h.openFixture('city-guidance.html');
    await selectText(page, '§ 19.30');
    const text = await lookupSelection(page, '§ 19.30');
    expect(text).toContain('Public safety services');
    expect(text).toMatch(/Sources/i);
    const links = await cardEval(page, (r) =>
      Array.from(r.querySelectorAll('a[href]')).map((a) => [a.getAttribute('target'), a.getAttribute('rel'), a.getAttribute('referrerpolicy')].join(' ')),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toBe('_blank noopener noreferrer no-referrer');
    await page.screenshot({ path: join(SHOTS, 'card-city-guidance.png') });
    expect(consoleErrors(page), consoleErrors(page).join('\n')).toEqual([]);
    await page.close();
  });

  it('hostile page CSS does not reach the card', async () => {
    const page = await h.openFixture('hostile.html');
    await selectText(page, 'ICE detainer');
    await lookupSelection(page, 'ICE detainer');
    const look = await cardEval(page, (r) => {
      const d = r.querySelector('[data-ol="card"]') as HTMLElement;
      const cs = getComputedStyle(d);
      const t = getComputedStyle(r.querySelector('[data-ol="title"]')!);
      return { bg: cs.backgroundColor, width: Math.round(d.getBoundingClientRect().width), titleSize: t.fontSize, display: cs.display };
    });
    expect(look.bg).not.toBe('rgb(255, 105, 180)');
    expect(look.width).toBe(440); // the card's own width in a window over 1000 px (card.css)
    expect(look.titleSize).toBe('17px');
    await page.screenshot({ path: join(SHOTS, 'card-hostile.png') });
    expect(consoleErrors(page), consoleErrors(page).join('\n')).toEqual([]);
    await page.close();
  });

  it('says "nothing in this pack covers this" and caps a huge selection', async () => {
    const page = await h.openFixture('nothing.html');
    await selectText(page, 'Tomatoes like warm soil');
    const text = await lookupSelection(page, 'Tomatoes like warm soil');
    expect(text).toContain('Nothing in this pack covers this');
    await page.keyboard.press('Escape');
    const huge = await selectElementText(page, '#long');
    expect(huge.length).toBeGreaterThan(250_000);
    const t0 = Date.now();
    const big = await lookupSelection(page, huge);
    expect(Date.now() - t0).toBeLessThan(5000);
    const echo = await cardEval(page, (r) => r.querySelector('[data-ol="echo"]')?.textContent ?? '');
    expect(echo.length).toBeLessThan(200);
    expect(big).toContain('Only the first part of a very long selection was read');
    // 8,600 repeats of one gardening sentence: repetition must not turn "keep" into an answer.
    expect(big).toContain('Nothing in this pack covers this');
    await page.screenshot({ path: join(SHOTS, 'card-nothing.png') });
    await page.close();
  });
});
