/**
 * Store screenshots at 1280×800 (the Chrome Web Store's size; AMO takes it too), taken from the
 * built extension, never drawn by hand. Every run writes them to .ci-out/store-screenshots/;
 * `npm run store:screenshots` also writes them to docs/store/screenshots/ for the listing.
 *
 * The popup is a toolbar popup: its screenshot is laid over the article page at the top right,
 * where the browser shows it (the page itself is the same fixture the card shots use).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OUT, ROOT, selectText, startHarness, waitForCard, type Harness } from './harness';
import { pngSize } from '../support/png';

export const STORE_SIZE = { width: 1280, height: 800 } as const;
const DIRS = [join(OUT, 'store-screenshots'), ...(process.env.LENS_STORE_SCREENSHOTS === 'docs' ? [join(ROOT, 'docs/store/screenshots')] : [])];
for (const d of DIRS) mkdirSync(d, { recursive: true });

let h: Harness;
beforeAll(async () => {
  // LENS_E2E_BUILD: a private e2e build, while others rebuild .output.
  h = await startHarness(process.env.LENS_E2E_BUILD ? { build: process.env.LENS_E2E_BUILD } : {});
});
afterAll(async () => {
  await h?.close();
});

function save(name: string, png: Buffer): void {
  expect(pngSize(png)).toEqual(STORE_SIZE);
  for (const d of DIRS) writeFileSync(join(d, name), png);
}

async function article(scheme: 'light' | 'dark'): Promise<Page> {
  const page = await h.openFixture('news-article.html');
  await page.setViewportSize(STORE_SIZE);
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

async function cardShot(scheme: 'light' | 'dark', needle: string): Promise<Buffer> {
  const page = await article(scheme);
  await selectText(page, needle);
  const outcome = await h.lookup(page, needle);
  expect(outcome.surface).toBe('card');
  await waitForCard(page);
  await page.waitForTimeout(300); // the card's fade-in
  const png = await page.screenshot();
  await page.close();
  return png;
}

/** The popup (opened as a page at its own width) over the article, at the toolbar's corner. */
async function popupShot(prepare: (popup: Page) => Promise<void>): Promise<Buffer> {
  const popup = await h.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 420, height: 640 });
  await prepare(popup);
  const popupPng = await popup.screenshot();
  await popup.close();
  const page = await article('light');
  const background = await page.screenshot();
  await page.setContent(
    `<body style="margin:0;width:${STORE_SIZE.width}px;height:${STORE_SIZE.height}px;overflow:hidden;position:relative">
      <img src="data:image/png;base64,${background.toString('base64')}" style="position:absolute;inset:0">
      <img src="data:image/png;base64,${popupPng.toString('base64')}" style="position:absolute;top:8px;right:16px;width:420px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35);border:1px solid #bbb">
    </body>`,
  );
  const png = await page.screenshot();
  await page.close();
  return png;
}

describe('store screenshots (1280×800)', () => {
  it('the card beside a selection in a news article', async () => {
    save('1-card.png', await cardShot('light', 'Section 19.30'));
  });

  it('the popup search', async () => {
    const png = await popupShot(async (p) => {
      await p.locator('#ol-q').fill('detainer');
      await p.waitForSelector('[data-ol="results"] [role="option"]');
      // The listing must not show a poor answer first.
      expect(await p.locator('[data-ol="results"] [role="option"]').first().textContent()).toMatch(/^Detainer/);
    });
    save('2-popup-search.png', png);
  });

  it("the popup's detail view of an entry, with its sources and history", async () => {
    const png = await popupShot(async (p) => {
      await p.locator('#ol-q').fill('separation ordinance');
      await p.waitForSelector('[data-ol="results"] [role="option"]');
      await p.keyboard.press('Enter');
      await p.waitForSelector('[data-ol="detail"]');
      await p.evaluate(() => window.scrollTo(0, 0));
    });
    save('3-popup-detail.png', png);
  });

  it("the settings page's packs and About, with the pack's as-of date", async () => {
    const page = await h.openExtensionPage('options.html');
    await page.setViewportSize(STORE_SIZE);
    await page.waitForSelector('[data-ol="about-as-of"]');
    await page.locator('[data-ol="about"]').scrollIntoViewIfNeeded();
    save('4-settings.png', await page.screenshot());
    await page.close();
  });

  it('the card in the dark scheme', async () => {
    save('5-card-dark.png', await cardShot('dark', 'ICE hold'));
  });
});
