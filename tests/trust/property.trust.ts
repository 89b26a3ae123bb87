// @vitest-environment happy-dom
/**
 * Promise 5, any selection, any query: fast-check with Unicode string units (not its ASCII
 * default) over
 *  - the background's message handler (lib/background.ts, wired as in the extension, with the
 *    real bundled packs and WXT's in-memory browser), and
 *  - the card renderer (components/LensCard.tsx, rendered with the view the handler returned).
 * Inputs: random Unicode (binary and grapheme units), lone surrogates, whitespace-only and
 * empty strings, citation-shaped junk, malformed payloads, and 1 MB selections.
 * Never an exception; every call bounded in time. Figures: inputs tried, exceptions, slowest.
 */
import fc from 'fast-check';
import { render, cleanup } from '@testing-library/preact';
import { h } from 'preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { recordFigures, ROOT } from './lib/figures';
import { join } from 'node:path';

const stats = { tried: 0, exceptions: 0, slowestMs: 0, slowestInput: '', failures: [] as string[], handlerCalls: 0, renders: 0 };
/** Per-call time limit. The 1 MB cases are capped to MAX_SELECTION_CHARS by the handler. */
const LIMIT_MS = 2000;

type Listener = (msg: unknown, sender: { id?: string; url?: string }, sendResponse: (r: unknown) => void) => boolean | undefined;
let listener: Listener | undefined;
let LensCard: (props: Record<string, unknown>) => unknown;

beforeAll(async () => {
  fakeBrowser.reset();
  // The fake browser lacks these; the handler only registers listeners on them.
  const noopEvent = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  const fb = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fb.contextMenus = { ...fb.contextMenus, onClicked: noopEvent, create: () => 1, removeAll: async () => undefined };
  fb.commands = { onCommand: noopEvent };
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  const { loadBundledPacks } = (await import(join(ROOT, 'scripts/lib/bundled-packs.ts'))) as { loadBundledPacks: () => unknown[] };
  const { createLookupService } = await import('../../lib/lookup-service');
  const { setupBackground } = await import('../../lib/background');
  setupBackground(createLookupService(loadBundledPacks() as never));
  listener = add.mock.calls[0]?.[0] as unknown as Listener;
  LensCard = (await import('../../components/LensCard')).LensCard as never;
});

afterAll(() => recordFigures('property', stats));

function send(msg: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    // As the popup sends it: the background refuses senders that are not our pages or cards.
    const async = listener!(msg, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }, resolve);
    if (!async) resolve(undefined);
  });
}

async function timed<T>(label: string, input: unknown, f: () => Promise<T> | T): Promise<T | undefined> {
  stats.tried++;
  const t0 = performance.now();
  try {
    const out = await f();
    const ms = performance.now() - t0;
    if (ms > stats.slowestMs) {
      stats.slowestMs = Math.round(ms);
      stats.slowestInput = `${label}: ${show(input)}`;
    }
    if (ms > LIMIT_MS) stats.failures.push(`${label} took ${Math.round(ms)} ms on ${show(input)}`);
    return out;
  } catch (err) {
    stats.exceptions++;
    stats.failures.push(`${label} threw ${String(err).slice(0, 200)} on ${show(input)}`);
    return undefined;
  }
}

function show(x: unknown): string {
  try {
    const s = typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));
    return s.length > 80 ? `${JSON.stringify(s.slice(0, 80))}… (${s.length} chars)` : JSON.stringify(s);
  } catch {
    return typeof x;
  }
}

// ---- Arbitraries -------------------------------------------------------------------------
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const whitespace = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2000', '\u2028', '\u2029', '\u3000', '\u200b', '\ufeff', '\u180e', '\u202f');
const bidi = fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c');
const digits = fc.constantFrom(...'0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩');
const citationJunk = fc
  .tuple(
    fc.constantFrom('§', '§§', 'Sec.', 'Section', 'MCO', 'Minneapolis Code of Ordinances §', 'Minn. Stat. §', '8 U.S.C. §', '8 C.F.R. §', 'Ord. No.', 'Chapter', 'ch.', '', '＄', '¶'),
    fc.array(fc.oneof(digits, fc.constantFrom('.', '(', ')', '-', '–', 'a', 'g', ' ', ',', '/', '§')), { maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
  )
  .map(([p, rest, tail]) => `${p} ${rest.join('')}${tail}`);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(loneSurrogate, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 100 }) },
  { weight: 2, arbitrary: fc.string({ unit: whitespace, maxLength: 50 }) },
  { weight: 3, arbitrary: citationJunk },
  { weight: 1, arbitrary: fc.tuple(citationJunk, fc.string({ unit: bidi, maxLength: 5 }), citationJunk).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
);
const malformed = fc.oneof(
  fc.record({ type: fc.constant('lookup'), text: fc.oneof(fc.integer(), fc.constant(null), fc.object(), fc.array(fc.string()), fc.boolean()), source: fc.string() }),
  fc.record({ type: fc.constant('lookup'), text, source: fc.constant('popup'), limit: fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(1e12)) }),
  fc.record({ type: fc.constant('entry'), id: fc.oneof(text, fc.integer(), fc.constant(null)) }),
  fc.record({ type: fc.string({ unit: 'grapheme', maxLength: 20 }) }),
  fc.anything({ maxDepth: 2 }),
);

const MB = 1_048_576;
const BIG: [string, string][] = [
  ['1 MB of one repeated citation', 'Minneapolis Code of Ordinances § 19.30 '.repeat(Math.ceil(MB / 39)).slice(0, MB)],
  ['1 MB of "§"', '§'.repeat(MB)],
  ['1 MB of whitespace', ' \n\u3000'.repeat(MB / 2).slice(0, MB)],
  ['1 MB of lone surrogates', '\ud800x\udfff'.repeat(MB / 3).slice(0, MB)],
  ['1 MB of random Unicode', fc.sample(fc.string({ unit: 'binary', minLength: 4096, maxLength: 4096 }), 256).join('').slice(0, MB)],
  ['1 MB with no spaces', 'a'.repeat(MB)],
];

type View = { result: { results: unknown[]; others: unknown[] }; views: Record<string, unknown>; citationStyle: string };

function renderCard(view: View | null, echo: string) {
  stats.renders++;
  const r = render(h(LensCard as never, { view, echo, opened: null, onOpen: () => undefined, onBack: () => undefined, onClose: () => undefined, copy: async () => true }));
  // Page text is shown as text, never as markup.
  const root = r.container;
  if (root.querySelector('script, img, iframe, object, embed, svg [onload], [onerror]')) throw new Error('markup from input in the card');
  cleanup();
}

describe('the background message handler', () => {
  it('answers every random lookup without an exception, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const view = (await timed('lookup', t, () => send({ type: 'lookup', text: t, source: 'card' }))) as View | undefined;
        stats.handlerCalls++;
        if (!view || !Array.isArray(view.result?.results)) stats.failures.push(`lookup gave no view for ${show(t)}`);
        await timed('render', t, () => renderCard(view ?? null, t.slice(0, 160)));
        return true;
      }),
      { numRuns: 1500, seed: 20261124 },
    );
    expect(stats.failures).toEqual([]);
  });

  it('survives malformed messages', async () => {
    await fc.assert(
      fc.asyncProperty(malformed, async (m) => {
        await timed('malformed message', m, () => send(m));
        stats.handlerCalls++;
        return true;
      }),
      { numRuns: 800, seed: 7 },
    );
    expect(stats.failures).toEqual([]);
  });

  it.each(BIG)('handles %s', async (name, big) => {
    const view = (await timed(`lookup (${name})`, big, () => send({ type: 'lookup', text: big, source: 'card' }))) as View | undefined;
    expect(view?.result).toBeDefined();
    // The card echoes at most the first characters the content script keeps (lib/messages MAX_ECHO_CHARS).
    const { MAX_ECHO_CHARS } = await import('../../lib/messages');
    await timed(`render (${name})`, big, () => renderCard(view ?? null, big.slice(0, MAX_ECHO_CHARS)));
    expect(stats.failures).toEqual([]);
  });
});

describe('the card renderer', () => {
  it('renders any echo text, including 1 MB, as text', async () => {
    const view = (await send({ type: 'lookup', text: '§ 19.30', source: 'card' })) as View;
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        await timed('render echo', t, () => renderCard(view, t));
        return true;
      }),
      { numRuns: 300, seed: 3 },
    );
    await timed('render markup-looking echo', '<img>', () => renderCard(view, '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>'));
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(stats.failures).toEqual([]);
  });
});
