/**
 * A whole code imported through Firefox's settings page (MV2 and MV3 production builds): the
 * page's main thread stays free while the pack is read, parsed, validated and stored (a worker
 * does it, lib/large-pack-worker.ts). The pack is converted at test time from ../shared/corpora
 * (never committed), or read from LENS_DC_PACK_FILE (a pack made earlier by `lens import-code`).
 * Firefox runs the background page on the extension process's main thread, the one the settings
 * page paints on: when the background built the search index (the last stage) the page stalled
 * 14–22 s (decision 0011). The import worker now builds and stores it (lib/large-pack-index.ts)
 * and the background only loads it: that stage is bounded too, and the first lookup after the
 * import answers from the pack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { FIREFOX_BUILDS, launchFirefoxBuild, type FirefoxLens } from '../support/firefox';
import { dcLawXml } from '../../core/import/dc-law-xml';
import { DC_PUBLISHED, unpackDcCorpus } from '../../scripts/lib/dc-corpus';
import { diskFolder } from '../../scripts/lib/source-folder';
import { userPack } from '../lib/storage/pack-fixture';

let PACK = process.env.LENS_DC_PACK_FILE;
let dir: string | undefined;
const figures: Record<string, unknown> = {};

beforeAll(() => {
  if (PACK) return;
  const corpus = unpackDcCorpus();
  try {
    const pack = dcLawXml.convert(diskFolder(corpus.dir), { id: 'dc-code', title: 'Code of the District of Columbia', jurisdiction: 'District of Columbia', asOf: DC_PUBLISHED }).pack;
    dir = mkdtempSync(join(tmpdir(), 'lens-ff-large-'));
    PACK = join(dir, 'dc-code.json');
    writeFileSync(PACK, JSON.stringify(pack));
  } finally {
    corpus.remove();
  }
}, 600_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log('[firefox large pack]', JSON.stringify(figures));
});

type Stalls = { byStage: Record<string, number>; since: Record<string, number>; stop: boolean };

/** The longest gap between two 20 ms timer ticks on the page, per import stage shown (and when each stage was first seen). */
async function watchStalls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = ((globalThis as unknown as { __stalls: Stalls }).__stalls = { byStage: {}, since: {}, stop: false } as Stalls);
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      const stage = document.querySelector('[data-ol="import-progress"]')?.getAttribute('data-stage') ?? 'none';
      s.since[stage] ??= Math.round(now);
      s.byStage[stage] = Math.max(s.byStage[stage] ?? 0, Math.round(now - last));
      last = now;
      if (s.stop) clearInterval(tick);
    }, 20);
  });
}

async function importedMessage(page: Page): Promise<string> {
  for (const t0 = Date.now(); Date.now() - t0 < 400_000; await new Promise((r) => setTimeout(r, 200))) {
    const text = await page.evaluate(() => (document.querySelector('[data-ol="pack-message"] p') as HTMLElement | null)?.innerText ?? '');
    if (/^(Imported|Updated|Not imported)/.test(text)) return text;
  }
  throw new Error('the import did not finish');
}

type View = { result: { results: { id: string }[] }; views: Record<string, { entry: { points: unknown[] } }> };

/** A lookup as the popup sends it, from the settings page (an extension page too). */
async function lookupFromPage(page: Page, text: string): Promise<View> {
  const answer = (await page.evaluate((m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m), { type: 'lookup', text, source: 'popup', limit: 8 })) as { ok: boolean; value?: View; error?: string };
  if (!answer?.ok || !answer.value) throw new Error(`lookup failed: ${answer?.error ?? 'no answer'}`);
  return answer.value;
}

describe.each(FIREFOX_BUILDS)('%s: a large pack imported in firefox-esr', (name, build) => {
  let ff: FirefoxLens | undefined;
  let page: Page;
  afterAll(async () => {
    await ff?.close();
  });

  it('stores it while the settings page keeps answering', async () => {
    ff = await launchFirefoxBuild(build);
    page = await ff.openExtensionPage('options.html');
    await page.waitForSelector('[data-ol="import-pack"]');
    await watchStalls(page);
    const t0 = Date.now();
    const input = (await page.$('input[data-ol="import-pack"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(PACK!);
    const message = await importedMessage(page);
    const ms = Date.now() - t0;
    const { byStage, stageMs } = await page.evaluate(() => {
      const s = (globalThis as unknown as { __stalls: Stalls }).__stalls;
      s.stop = true;
      // Each stage's length: from when it was first seen to when the next one was.
      const order = Object.entries(s.since).sort((a, b) => a[1] - b[1]);
      const stageMs = Object.fromEntries(order.map(([k, t], i) => [k, (order[i + 1]?.[1] ?? Math.round(performance.now())) - t]));
      return { byStage: s.byStage, stageMs };
    });
    figures[name] = { importMs: ms, longestStallByStageMs: byStage, stageMs, loadAverage: loadavg()[0] };
    expect(message).toMatch(/^Imported “.+” \(version .+, [\d,]+ entries, .+ MB file\)\./);
    // Checking 57 MB on the page stalled it 7.5 s here; in the worker the page ticks on.
    for (const stage of ['reading', 'checking', 'storing']) expect(byStage[stage] ?? 0, `longest stall while ${stage}`).toBeLessThan(1000);
    expect(byStage.checking, 'the page ticked while the pack was checked').toBeGreaterThan(0);
    // Loading the stored index on the background's (the page's) thread: a few hundred ms; building it there took 14–22 s.
    expect(byStage.indexing ?? 0, 'longest stall while indexing').toBeLessThanOrEqual(2000);
    const t1 = Date.now();
    const view = await lookupFromPage(page, 'D.C. Code § 24-211.07');
    (figures[name] as Record<string, unknown>).firstLookupMs = Date.now() - t1;
    expect(view.result.results[0]?.id, 'the first lookup after the import').toBe('dc-24-211.07');
    expect(view.views['dc-24-211.07']?.entry.points.length, 'the shown entry was read whole').toBeGreaterThan(0);
  }, 600_000);

  // Any other change of the packs makes the background build the index again: a worker builds it
  // (lib/background/pack-loader.ts); on the background's own thread the page stalled 15.5 s.
  it('a small pack imported beside it: the page keeps ticking while the index is built again', async () => {
    expect(page, 'the large pack was imported above').toBeDefined();
    const small = join(tmpdir(), `lens-ff-small-${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(small, JSON.stringify(userPack()));
    await watchStalls(page);
    const t0 = Date.now();
    const input = (await page.$('input[data-ol="import-pack"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(small);
    await page.waitForFunction(() => ((document.querySelector('[data-ol="pack-message"] p') as HTMLElement | null)?.innerText ?? '').startsWith('Imported “Snow emergency rules”'), { timeout: 60_000 });
    const view = await lookupFromPage(page, 'D.C. Code § 24-211.07');
    const snow = await lookupFromPage(page, 'snowplow parking ban');
    const answeredMs = Date.now() - t0;
    const longest = await page.evaluate(() => {
      const s = (globalThis as unknown as { __stalls: Stalls }).__stalls;
      s.stop = true;
      return Math.max(0, ...Object.values(s.byStage));
    });
    rmSync(small, { force: true });
    Object.assign(figures[name] as Record<string, unknown>, { smallImportLongestStallMs: longest, smallImportAnsweredMs: answeredMs });
    expect(view.result.results[0]?.id).toBe('dc-24-211.07');
    expect(snow.result.results[0]?.id).toBe('snow-1');
    expect(longest, 'longest stall of the settings page while the index was built again').toBeLessThanOrEqual(2000);
  }, 300_000);
});
