// @vitest-environment happy-dom
/**
 * Promise 5, any selection, any query: fast-check with Unicode string units (not its ASCII
 * default) over
 *  - the background's message handler (lib/background.ts, wired as in the extension, with the
 *    real bundled packs and WXT's in-memory browser), and
 *  - the card renderer (components/LensCard.tsx, rendered with the view the handler returned).
 * Inputs: random Unicode (binary and grapheme units), lone surrogates, whitespace-only and
 * empty strings, citation-shaped junk, malformed payloads, and 1 MB selections.
 * Never an exception, thrown or caught: every answer is a successful reply (lib/reply.ts), and
 * no lookup is `degraded` (the lookup service's safety net for an engine error). Each test keeps
 * its own failure list, so one broken path turns only its own tests red. Every call bounded in
 * time. Figures: inputs tried, exceptions, slowest.
 *
 * The check that these tests can fail: `LENS_BREAK=engine` (every query throws) or
 * `LENS_BREAK=entry-handler` (the background's `entry` handler throws) turns them red
 * (tests/support/breakage.ts; `bash scripts/check-breakage.sh` runs both).
 */
import fc from 'fast-check';
import { render, cleanup } from '@testing-library/preact';
import { h } from 'preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { recordFigures, ROOT } from './lib/figures';
import { join } from 'node:path';
import { isReply } from '../../lib/reply';

/** Figures for the whole file (recorded at the end); `exceptions` counts thrown and caught ones. Each test has its own failure list. */
const stats = { tried: 0, exceptions: 0, slowestMs: 0, slowestInput: '', handlerCalls: 0, renders: 0 };
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
  fb.contextMenus = { ...(fb.contextMenus ?? {}), onClicked: noopEvent, create: () => 1, removeAll: async () => undefined };
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

/** The listener's raw answer (a Reply), or 'not taken' when it did not take the message. */
function send(msg: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    // As the popup sends it: the background refuses senders that are not our pages or cards.
    const async = listener!(msg, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }, resolve);
    if (!async) resolve('not taken');
  });
}

/**
 * The value of an answer, after checking that nothing was thrown or caught on the way: a failed
 * reply (the handler threw) or a degraded lookup (the engine threw) is a failure.
 */
function accepted<T>(label: string, input: unknown, answer: unknown, failures: string[]): T | undefined {
  if (answer === 'not taken') return undefined;
  if (!isReply(answer)) return void failures.push(`${label}: not a reply on ${show(input)}`);
  if (!answer.ok) {
    stats.exceptions++;
    return void failures.push(`${label}: the handler failed (${answer.error.slice(0, 200)}) on ${show(input)}`);
  }
  if ((answer.value as { degraded?: unknown } | null)?.degraded) {
    stats.exceptions++;
    failures.push(`${label}: degraded (the engine threw) on ${show(input)}`);
  }
  return answer.value as T;
}

async function timed<T>(label: string, input: unknown, f: () => Promise<T> | T, failures: string[]): Promise<T | undefined> {
  stats.tried++;
  const t0 = performance.now();
  try {
    const out = await f();
    const ms = performance.now() - t0;
    if (ms > stats.slowestMs) {
      stats.slowestMs = Math.round(ms);
      stats.slowestInput = `${label}: ${show(input)}`;
    }
    if (ms > LIMIT_MS) failures.push(`${label} took ${Math.round(ms)} ms on ${show(input)}`);
    return out;
  } catch (err) {
    stats.exceptions++;
    failures.push(`${label} threw ${String(err).slice(0, 200)} on ${show(input)}`);
    return undefined;
  }
}

/** Sends a lookup and checks its answer; `failures` is the calling test's own list. */
async function lookupView(label: string, t: string, failures: string[]): Promise<View | undefined> {
  const answer = await timed(label, t, () => send({ type: 'lookup', text: t, source: 'card' }), failures);
  stats.handlerCalls++;
  const view = accepted<View>(label, t, answer, failures);
  if (answer !== undefined && !Array.isArray(view?.result?.results)) failures.push(`${label} gave no view for ${show(t)}`);
  return view;
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
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const view = await lookupView('lookup', t, failures);
        await timed('render', t, () => renderCard(view ?? null, t.slice(0, 160)), failures);
        return true;
      }),
      { numRuns: 1500, seed: 20261124 },
    );
    expect(failures).toEqual([]);
  });

  it('survives malformed messages', async () => {
    const failures: string[] = [];
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(malformed, async (m) => {
        const answer = await timed('malformed message', m, () => send(m), failures);
        stats.handlerCalls++;
        if (answer !== 'not taken') answered++;
        accepted('malformed message', m, answer, failures);
        return true;
      }),
      { numRuns: 800, seed: 7 },
    );
    expect(failures).toEqual([]);
    // Malformed lookups and entries are answered (coerced), not only refused: the check above saw replies.
    expect(answered).toBeGreaterThan(100);
  });

  it.each(BIG)('handles %s', async (name, big) => {
    const failures: string[] = [];
    const view = await lookupView(`lookup (${name})`, big, failures);
    expect(view?.result).toBeDefined();
    // The card echoes at most the first characters the content script keeps (lib/messages MAX_ECHO_CHARS).
    const { MAX_ECHO_CHARS } = await import('../../lib/messages');
    await timed(`render (${name})`, big, () => renderCard(view ?? null, big.slice(0, MAX_ECHO_CHARS)), failures);
    expect(failures).toEqual([]);
  });
});

describe('the card renderer', () => {
  it('renders any echo text, including 1 MB, as text', async () => {
    const failures: string[] = [];
    const view = (await lookupView('lookup', '§ 19.30', failures)) ?? null;
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        await timed('render echo', t, () => renderCard(view, t), failures);
        return true;
      }),
      { numRuns: 300, seed: 3 },
    );
    await timed('render markup-looking echo', '<img>', () => renderCard(view, '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>'), failures);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(failures).toEqual([]);
  });
});
