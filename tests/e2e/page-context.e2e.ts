/**
 * Page context in the real browser: the same words selected on a Minneapolis story and on a
 * Saint Paul story open each city's own entry, because the card sends the paragraph and title
 * around the selection with its lookup (and only with it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardEval, selectText, startHarness, waitForCard, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function topCitation(page: Parameters<Harness['lookup']>[0]): Promise<string> {
  await waitForCard(page);
  // Wait for the answer (the card asks again with the page context).
  for (let i = 0; i < 50; i++) {
    const text = await cardEval(page, (root) => root.textContent ?? '');
    if (!/Looking this up/i.test(text)) return text;
    await page.waitForTimeout(50);
  }
  return cardEval(page, (root) => root.textContent ?? '');
}

describe('the same selection on two cities\' pages', () => {
  it('opens Minneapolis\' Chapter 19 on a Minneapolis story', async () => {
    const page = await h.openFixture('cities/minneapolis-story.html');
    await selectText(page, 'separation ordinance');
    expect(await h.lookup(page, 'separation ordinance')).toMatchObject({ surface: 'card' });
    const text = await topCitation(page);
    expect(text).toMatch(/Minneapolis, Minn\., Code of Ordinances tit\. 2, ch\. 19|Employee Authority in Immigration Matters/);
    expect(text.indexOf('Minneapolis')).toBeLessThan(text.indexOf('Saint Paul') < 0 ? Infinity : text.indexOf('Saint Paul'));
    await page.close();
  });

  it('opens a Saint Paul entry on a Saint Paul story', async () => {
    const page = await h.openFixture('cities/saint-paul-story.html');
    await selectText(page, 'separation ordinance');
    expect(await h.lookup(page, 'separation ordinance')).toMatchObject({ surface: 'card' });
    const text = await topCitation(page);
    const sp = text.indexOf('Saint Paul');
    expect(sp).toBeGreaterThanOrEqual(0);
    const mpls = text.indexOf('Minneapolis, Minn.');
    expect(mpls < 0 || sp < mpls).toBe(true);
    await page.close();
  });
});
