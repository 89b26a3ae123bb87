/**
 * Promise 6, service-worker restarts: the worker is killed through the DevTools protocol
 * (Target.closeTarget) between lookups, 20 times; every next lookup must answer correctly.
 * The cold lookup time (message sent → answer, worker start and index load included) is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cdp, launchLens, sendFromPage, type Lens } from '../support/lens-browser';
import { recordFigures } from './lib/figures';

const RESTARTS = 20;
/** Queries and the entry each must find (the pack's citation and term resolution). */
const QUERIES: [string, string][] = [
  ['§ 19.30', 'mpls-19.30'],
  ['Minneapolis Code of Ordinances § 19.30', 'mpls-19.30'],
  ['Minneapolis Code of Ordinances § １９.３０', 'mpls-19.30'],
];

let lens: Lens;
let page: Page;
beforeAll(async () => {
  lens = await launchLens();
  page = await lens.openExtensionPage('popup.html');
});
afterAll(async () => {
  await lens?.close();
});

type View = { result: { results: { id: string }[] }; views: Record<string, { entry: { id: string; title: string } }> };
const ask = (text: string) => sendFromPage<View | null>(page, { type: 'lookup', text, source: 'popup' });

async function killWorker(): Promise<boolean> {
  const s = await cdp(page);
  const { targetInfos } = (await s.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${lens.extensionId}/`));
  if (!sw) return false;
  await s.send('Target.closeTarget', { targetId: sw.targetId });
  // Wait until the target is really gone.
  for (let i = 0; i < 50; i++) {
    const { targetInfos: now } = (await s.send('Target.getTargets')) as { targetInfos: { targetId: string }[] };
    if (!now.some((t) => t.targetId === sw.targetId)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('service-worker restarts', () => {
  it(`answers correctly after each of ${RESTARTS} kills`, async () => {
    const warm = await ask('§ 19.30');
    expect(warm?.result.results[0]?.id).toBe('mpls-19.30');
    const cold: number[] = [];
    let killed = 0;
    let correct = 0;
    const wrong: string[] = [];
    let fresh = 0;
    for (let i = 0; i < RESTARTS; i++) {
      // A marker in the worker's globals: gone after a real restart.
      await (await lens.worker()).evaluate(() => ((globalThis as Record<string, unknown>).__trustMarker = true));
      if (await killWorker()) killed++;
      const [q, id] = QUERIES[i % QUERIES.length]!;
      const t0 = performance.now();
      const view = await ask(q).catch((e: unknown) => (wrong.push(`${q}: ${String(e)}`), null));
      cold.push(performance.now() - t0);
      const top = view?.result.results[0]?.id;
      if (top === id && view?.views[id]?.entry.id === id) correct++;
      else wrong.push(`${q}: got ${top ?? 'nothing'}`);
      const marker = await (await lens.worker()).evaluate(() => (globalThis as Record<string, unknown>).__trustMarker === true);
      if (!marker) fresh++;
    }
    const sorted = [...cold].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    recordFigures('restart', { restarts: Math.min(killed, fresh), killed, freshWorkers: fresh, correct, coldLookupMs: Math.round(median), coldLookupMaxMs: Math.round(sorted[sorted.length - 1]!), coldLookupsMs: cold.map(Math.round), wrong });
    expect(wrong).toEqual([]);
    expect(killed).toBe(RESTARTS);
    expect(fresh, 'each lookup ran in a new worker').toBe(RESTARTS);
    expect(correct).toBe(RESTARTS);
  });
});
