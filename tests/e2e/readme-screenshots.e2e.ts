/**
 * The README's pictures ("What it looks like"), taken from the built extension in light and dark,
 * never drawn by hand: the card beside a selection at 1280×720, the popup's search, and the side
 * panel's detail view (what "Open full entry" shows). Every run writes them to
 * .ci-out/readme-screenshots/; `npm run screenshots` also writes them to docs/screenshots/,
 * where they are checked in (so an ordinary test run leaves the working tree clean).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OUT, ROOT, selectText, startHarness, waitForCard, type Harness } from './harness';
import { pngSize } from '../support/png';

const DIRS = [join(OUT, 'readme-screenshots'), ...(process.env.LENS_README_SCREENSHOTS === 'docs' ? [join(ROOT, 'docs/screenshots')] : [])];
for (const d of DIRS) mkdirSync(d, { recursive: true });
const SCHEMES = ['light', 'dark'] as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness(process.env.LENS_E2E_BUILD ? { build: process.env.LENS_E2E_BUILD } : {});
});
afterAll(async () => {
  await h?.close();
});

function save(name: string, png: Buffer, size: { width: number; height: number }): void {
  expect(pngSize(png)).toEqual(size);
  for (const d of DIRS) writeFileSync(join(d, name), png);
}

async function shoot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.waitForTimeout(300); // fonts and the card's fade-in
  save(name, await page.screenshot(), size);
  await page.close();
}

describe('README screenshots', () => {
  for (const scheme of SCHEMES) {
    it(`the card beside a selection (${scheme})`, async () => {
      const size = { width: 1280, height: 720 };
      const page = await h.openFixture(`news-article.html?shot=${scheme}`);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await selectText(page, 'ICE hold');
      expect((await h.lookup(page, 'ICE hold')).surface).toBe('card');
      await waitForCard(page);
      await shoot(page, `card-${scheme}.png`, size);
    });

    it(`the popup's search (${scheme})`, async () => {
      const size = { width: 420, height: 600 };
      const page = await h.openExtensionPage('popup.html');
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('#ol-q').fill('detainer');
      await page.waitForSelector('[data-ol="results"] [role="option"]');
      await shoot(page, `popup-${scheme}.png`, size);
    });

    it(`the side panel's full entry, as "Open full entry" shows it (${scheme})`, async () => {
      const size = { width: 420, height: 720 };
      const page = await h.openExtensionPage('sidepanel.html?entry=mpls-19.30');
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForSelector('[data-ol="detail"] [data-ol="title"]');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, `sidepanel-${scheme}.png`, size);
    });
  }
});
