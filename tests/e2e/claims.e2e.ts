/**
 * Claim check, "what changed" and before/after in real Chromium on the built extension: the
 * card's claim view for a selected passage, the popup's "Check a passage", the timeline in the
 * popup and the side panel ("since 2024" in one click), the Chapter 19 before/after table, the
 * memo copy, the keyboard, and axe. Screenshots go to .ci-out/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OUT, ROOT, cardClick, cardEval, cardEvalInPage, consoleErrors, startHarness, waitForCard, type Harness } from './harness';

const SHOTS = join(OUT, 'screenshots');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PASSAGE =
  'The police department says officers still will not ask anyone about their immigration status, as Section 19.30 has required since 2003, but the department will keep working with the FBI and ATF on drug trafficking and other serious crimes.';
let h: Harness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function seriousViolations(page: Page, card: boolean): Promise<string[]> {
  await page.evaluate(AXE);
  if (card) {
    await cardEvalInPage(page, (root) => {
      Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
      return true;
    });
  }
  return page.evaluate(async (c) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    const res = await axe.run(c ? document.documentElement.lastElementChild : document, { resultTypes: ['violations'] });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  }, card);
}

/** A fresh page with the card open on the passage, its claim check arrived (a second message after the answer). */
async function claimCard(): Promise<Page> {
  const page = await h.openFixture('news-article.html');
  // The paragraph wraps across lines in the page source: select the whole paragraph.
  const selected = await page.evaluate(() => {
    const p = Array.from(document.querySelectorAll('p')).find((x) => x.textContent!.includes('officers still will not ask'))!;
    p.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  });
  expect(selected.replace(/\s+/g, ' ').trim()).toBe(PASSAGE);
  expect(await h.lookup(page, selected)).toMatchObject({ surface: 'card' });
  await waitForCard(page);
  await expect.poll(() => cardEval(page, (r) => r.querySelectorAll('[data-ol="claim"]').length), { timeout: 5000 }).toBeGreaterThan(0);
  return page;
}

describe('the card checks each claim of a selected passage', () => {
  // Each test opens its own card: none depends on another's clicks.
  let page: Page;
  beforeEach(async () => {
    page = await claimCard();
  });
  afterEach(async () => {
    await page.close();
  });

  it('sets each claim beside the provision that speaks to it, with its badge, flags and the aligned words', async () => {
    const claims = await cardEval(page, (r) =>
      Array.from(r.querySelectorAll('[data-ol="claim"]')).map((el) => ({
        entry: el.getAttribute('data-entry'),
        flags: el.getAttribute('data-flags'),
        text: (el as HTMLElement).innerText,
        marks: Array.from(el.querySelectorAll('mark')).map((m) => m.textContent),
      })),
    );
    expect(claims).toHaveLength(2);
    expect(claims[0]!.entry).toBe('mpls-19.30');
    expect(claims[0]!.text).toMatch(/may not take any law-enforcement action/);
    expect(claims[0]!.text).toMatch(/Official/);
    expect(claims[0]!.flags).toContain('older-text');
    expect(claims[0]!.text).toMatch(/Describes an older text/);
    expect(claims[0]!.marks.map((m) => m?.toLowerCase())).toEqual(expect.arrayContaining(['immigration', 'status']));
    expect(claims[1]!.text).toMatch(/FBI and ATF/);
    expect(claims[0]!.flags).not.toContain('opposite');
  });

  it('says it is evidence side by side, not a verdict, and still shows the best entry below', async () => {
    const text = await cardEval(page, (r) => (r.querySelector('[data-ol="card"]') as HTMLElement).innerText);
    expect(text).toMatch(/not a true\/false verdict/);
    expect(text).not.toMatch(/\b(True|False|Correct|Incorrect)\b/);
    expect(await cardEval(page, (r) => !!r.querySelector('[data-ol="answer"]'))).toBe(true);
  });

  it('copies the memo block as Markdown and as plain text', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
    await cardClick(page, '[data-ol="memo-md"]');
    await expect.poll(() => cardEval(page, (r) => r.querySelector('[data-ol="claims"] [role="status"]')?.textContent ?? '')).toMatch(/copied as Markdown/);
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toMatch(/^\*\*Claim check\*\*/);
    expect(md).toMatch(/Minneapolis, Minn\., Code of Ordinances § 19\.30\(a\)\(1\)/);
    expect(md).toMatch(/not a true\/false verdict/);
    await cardClick(page, '[data-ol="memo-plain"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Claim check \(Ordinance Lens, current as of/);
  });

  it('can be walked with the keyboard: Tab reaches the entry link and the memo buttons', async () => {
    const reached = await cardEval(page, async (r) => {
      const focusables = Array.from(r.querySelectorAll<HTMLElement>('button, a[href], select, [tabindex="0"]'));
      return focusables.map((el) => el.getAttribute('data-ol')).filter(Boolean);
    });
    expect(reached).toEqual(expect.arrayContaining(['claim-entry', 'memo-md', 'memo-plain']));
    await cardEval(page, (r) => (r.querySelector('[data-ol="claim-entry"]') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => cardEval(page, (r) => !r.querySelector('[data-ol="claims"]') && !!r.querySelector('[data-ol="back"]'))).toBe(true);
    await cardClick(page, '[data-ol="back"]');
    await expect.poll(() => cardEval(page, (r) => r.querySelectorAll('[data-ol="claim"]').length)).toBe(2);
  });

  it('has no serious or critical axe violations, and the page logged no errors', async () => {
    await cardEval(page, (r) => (r.querySelector('[data-ol="claims"]') as HTMLElement).scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'claim-check-card.png') });
    expect(await seriousViolations(page, true)).toEqual([]);
    expect(consoleErrors(page)).toEqual([]);
  });
});

describe('the popup', () => {
  it('checks a pasted passage claim by claim', async () => {
    const page = await h.openExtensionPage('popup.html');
    await page.getByRole('tab', { name: 'Check a passage' }).click();
    await page.fill('#ol-passage', 'Police may ask people about their immigration status. City parking lots may not be used as staging areas for immigration enforcement.');
    await page.click('[data-ol="check"]');
    await page.waitForSelector('[data-ol="claim"]');
    const claims = await page.$$eval('[data-ol="claim"]', (els) => els.map((e) => ({ entry: e.getAttribute('data-entry'), flags: e.getAttribute('data-flags') })));
    expect(claims).toHaveLength(2);
    // "may ask" beside the rule that says they may not: flagged as the opposite, never "false".
    expect(claims[0]!.flags).toContain('opposite');
    expect(await page.textContent('[data-ol="claims"]')).toMatch(/The pack says the opposite/);
    expect(claims[1]!.entry).toMatch(/mpls-eo-2025-02|mpls-ch19-2025|term-staging-area|term-city-property/);
    await page.setViewportSize({ width: 460, height: 1000 });
    await page.screenshot({ path: join(SHOTS, 'claim-check-popup.png') });
    expect(await seriousViolations(page, false)).toEqual([]);
    await page.close();
  });

  it('shows what changed since 2024 in one click, in date order, each item linked to its entry', async () => {
    const page = await h.openExtensionPage('popup.html');
    await page.getByRole('tab', { name: 'What changed' }).click();
    await page.waitForSelector('[data-ol="tl-item"]');
    expect(await page.getAttribute('[data-ol="since-2024"]', 'aria-pressed')).toBe('true');
    const dates = await page.$$eval('[data-ol="tl-item"]', (els) => els.map((e) => e.getAttribute('data-date')!));
    expect(dates.length).toBeGreaterThan(10);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= '2024')).toBe(true);
    expect(await page.$$eval('[data-ol="tl-item"]', (els) => els.map((e) => e.getAttribute('data-id')))).toContain('mpls-ch19-2025');
    await page.setViewportSize({ width: 460, height: 1000 });
    await page.screenshot({ path: join(SHOTS, 'timeline-popup.png') });
    expect(await seriousViolations(page, false)).toEqual([]);

    // A range: December 2025 only.
    await page.fill('[data-ol="tl-since"]', '2025-12-01');
    await page.press('[data-ol="tl-since"]', 'Tab');
    await page.fill('[data-ol="tl-until"]', '2025-12-31');
    await page.press('[data-ol="tl-until"]', 'Tab');
    await expect.poll(async () => (await page.$$eval('[data-ol="tl-item"]', (els) => els.map((e) => e.getAttribute('data-date')!))).every((d) => d.startsWith('2025-12') || d === '2025')).toBe(true);

    // An item opens its entry, with its own dated history.
    await page.click('[data-ol="tl-item"][data-id="mpls-ch19-2025"] .ol-tl-entry');
    await page.waitForSelector('[data-ol="detail"]');
    expect(await page.textContent('[data-ol="detail"]')).toMatch(/December 11, 2025 update/);
    await page.close();
  });

  it('sets the 2003 Chapter 19 beside its December 2025 update, unknown where the text is missing', async () => {
    const page = await h.openExtensionPage('popup.html');
    await page.getByRole('tab', { name: 'What changed' }).click();
    await page.click('[data-ol="ba-link"][data-id="mpls-ch19"]');
    await page.waitForSelector('[data-ol="ba-row"]');
    const rows = await page.$$eval('[data-ol="ba-row"]', (els) => els.map((e) => e.getAttribute('data-change')));
    expect(rows).toContain('unknown');
    expect(rows).toContain('added');
    expect(rows).toContain('kept');
    const text = (await page.textContent('[data-ol="before-after"]')) ?? '';
    expect(text).toMatch(/2003 text/);
    expect(text).toMatch(/Nothing here is shown as unchanged/);
    expect(text).not.toMatch(/\bUnchanged\b/);
    await page.setViewportSize({ width: 460, height: 1000 });
    await page.screenshot({ path: join(SHOTS, 'before-after-popup.png') });
    expect(await seriousViolations(page, false)).toEqual([]);
    await page.close();
  });
});

describe('the side panel', () => {
  it('has the same timeline, since 2024 in one click', async () => {
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('tab', { name: 'What changed' }).click();
    await panel.waitForSelector('[data-ol="tl-item"]');
    const dates = await panel.$$eval('[data-ol="tl-item"]', (els) => els.map((e) => e.getAttribute('data-date')!));
    expect(dates.every((d) => d >= '2024')).toBe(true);
    await panel.click('[data-ol="all-dates"]');
    await expect.poll(async () => (await panel.$$eval('[data-ol="tl-item"]', (els) => els.map((e) => e.getAttribute('data-date')!)))[0]! < '2024').toBe(true);
    await panel.screenshot({ path: join(SHOTS, 'timeline-sidepanel.png') });
    await panel.close();
  });
});
