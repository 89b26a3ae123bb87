/**
 * The in-page scripts (the card, the page scan) answer the background with Replies, and the
 * background reads them with the checked reader (lib/reply.ts): a card or scan that threw, sent
 * a plain object, or said nothing becomes a reason the reader is told (the side panel's note, the
 * popup's message), never a cast answer. The background ↔ frame route is the fake browser's
 * `tabs.sendMessage`, handed to the listener the in-page code registered.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { listenForCard } from '../../lib/card/card-listener';
import { showCard } from '../../lib/background/lookup-in-tab';
import { listenForPageScan } from '../../lib/scan/page-listener';
import { setupPageScan } from '../../lib/scan/background';
import type { CardProtocol } from '../../lib/messages';
import type { PageScanMessage } from '../../lib/scan/protocol';

type Listener = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean | undefined;
type Answer = (msg: unknown) => Promise<unknown>;

/** Registers in-page code with `register` and returns how the frame answers a `tabs.sendMessage`, as the browser delivers it. */
function inPage(register: () => void): Answer {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  register();
  const listener = add.mock.calls.at(-1)![0] as unknown as Listener;
  add.mockRestore();
  return (msg) => new Promise((resolve) => void (listener(msg, { id: fakeBrowser.runtime.id }, resolve) || resolve(undefined)));
}

/** The tab's frame answers with `answer` (a rejected promise: no script there). */
function frameAnswers(answer: Answer) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tab: number, msg: unknown) => answer(msg)) as never);
}

const fb = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
const lacking = { commands: fb.commands, permissions: fb.permissions };
afterEach(() => Object.assign(fb, lacking)); // the files after this one (same worker) get the fake browser as it was

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the card answers the background with a Reply', () => {
  const shown: CardProtocol['card:show']['res'] = { shown: true, paintedAt: 12 };

  it('a shown card is read as shown; a ping is answered', async () => {
    const answer = inPage(() => listenForCard(async () => shown));
    frameAnswers(answer);
    expect(await showCard(1, 0, { text: 'ICE hold' })).toEqual(shown);
    expect(await answer({ type: 'card:ping' })).toEqual({ ok: true, value: { alive: true } });
    expect(await answer({ type: 'lookup' })).toBeUndefined(); // not the card's message: left alone
  });

  it('a card that threw is the side panel\'s "could not open" reason, not a hang or a cast', async () => {
    frameAnswers(
      inPage(() =>
        listenForCard(async () => {
          throw new Error('shadow root refused');
        }),
      ),
    );
    expect(await showCard(1, 0, { text: 'ICE hold' })).toEqual({ shown: false, reason: 'error' });
  });

  it.each([
    ['a plain object, not a reply', async () => ({ shown: true })],
    ['a reply of something else', async () => ({ ok: true, value: { alive: true } })],
  ])('%s is "the page did not let the card in"', async (_name, answer) => {
    frameAnswers(answer);
    expect(await showCard(1, 0, { text: 'ICE hold' })).toEqual({ shown: false, reason: 'card-refused' });
  });

  it('no answer, or no card script in the frame, is "unreachable"', async () => {
    frameAnswers(async () => undefined);
    expect(await showCard(1, 0, {})).toEqual({ shown: false, reason: 'card-unreachable' });
    frameAnswers(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(await showCard(1, 0, {})).toEqual({ shown: false, reason: 'card-unreachable' });
  });
});

describe('the page scan answers the background with a Reply', () => {
  function explain(handle: (m: PageScanMessage) => Promise<unknown>) {
    const noop = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
    // The fake browser lacks these; the page scan only registers listeners on them at setup.
    fb.commands = { onCommand: noop };
    fb.permissions = { ...fb.permissions, onAdded: noop, onRemoved: noop, contains: async () => false };
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const scan = setupPageScan([]);
    return { scan, answer: inPage(() => listenForPageScan(handle as never)) };
  }

  it('marks counted by the page reach the popup', async () => {
    const { scan, answer } = explain(async (m) => (m.type === 'scan:start' ? { ok: true, marks: 7 } : { ok: true }));
    frameAnswers(answer);
    expect(await scan.explainInTab({ id: 3 } as never)).toEqual({ ok: true, marks: 7 });
  });

  it('a scan that threw is "Marking this page failed", a plain object is "cannot be marked", silence is "did not answer"', async () => {
    const { scan, answer } = explain(async () => {
      throw new Error('no body');
    });
    frameAnswers(answer);
    expect(await scan.explainInTab({ id: 3 } as never)).toEqual({ ok: false, reason: 'page-failed' });
    frameAnswers(async () => ({ ok: true, marks: 7 }));
    expect(await scan.explainInTab({ id: 3 } as never)).toEqual({ ok: false, reason: 'page-refused' });
    frameAnswers(async () => undefined);
    expect(await scan.explainInTab({ id: 3 } as never)).toEqual({ ok: false, reason: 'page-unreachable' });
  });
});
